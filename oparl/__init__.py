"""OParl 1.1 interface: cities, bodies, meetings, papers and files as public, read-only JSON.

Council information systems read the portal through it (https://schema.oparl.org/1.1/). The
interface is public, so it shows only what is public for everyone, whoever asks: meetings marked
`oeffentlich` and published reports marked `oeffentlich` (withdrawn ones as deleted). Anything else
does not exist here (404).

How our data maps onto OParl, where the specification leaves room:
- Body = a city ("Stadt X", `shortName` X, `ags` its eight-digit number, `website` if recorded);
  Organization = a Gremium of the city or of one of its areas; Meeting = a public Sitzung with its
  agenda items; Location = one place: the distinct place text of the public meetings of a city, its URL
  keyed by city and a digest of the text, with the address where the text ends with one or names a
  facility of the city that has one (there are no coordinates, so no `geojson`); Paper and File = a
  public published report (Bericht) and its PDF; Consultation = a row of a council paper's Beratungsfolge.
- No person is published. Meetings name no participants; the lists of persons, memberships and
  legislative terms that OParl 1.1 requires of every Body exist but stay empty.
- Every version of a report is a Paper of its own with the report number as `reference`; versions
  after the first say "(Version N)" in their name and `quartiersportal:version`, and the public
  versions of a number point to each other in `relatedPaper`. A superseded version stays in the
  archive and valid as published, so it is not deleted.
- `license`: the portal's licence (setting OPARL_LICENSE, by default CC BY 4.0) on the System, and on each
  Body its city's own licence where one is recorded, else the portal's.
- Filters compare at the published precision, the second: `created_until=T` includes what was created at
  T plus a fraction of a second. `omit_internal=true` leaves out a Meeting's agendaItem and a Body's
  legislativeTerm. Errors are objects of type https://schema.oparl.org/1.1/Error with `message` and `debug`.
- Nothing published here is hard-deleted. A report or meeting that staff withdraw (`zurueckgezogen_am`)
  stays at its URL with status 200 as a deleted object: `id`, `type`, `created`, `modified` (the
  withdrawal) and `deleted: true`, and for a File the `accessUrl` the schema requires (it answers 410).
  It stays in every list, so a client syncing with `modified_since` learns of it; its agenda items,
  place, file and consultations are deleted with it. A Gremium that is no longer active gets an
  `endDate` instead: the day of its last public meeting, else the day it was last changed.
- `modified` of a meeting includes its agenda items, of a paper its consultations, its council
  paper and its other versions: they are embedded, and clients sync by `modified`.
- `meetingState` uses the values the specification recommends: planned → "terminiert", held →
  "eingeladen" (until the minutes are released), documented → "durchgeführt". A meeting without a
  start time starts at 00:00 (OParl has no start without a time). A meeting in the portal is never
  cancelled (`cancelled: false`); its `resultsProtocol` is the newest public version of its published
  documentation (Sitzungsdokumentation). There is no invitation document, so no `invitation`.
- AgendaItem `result` and `resolutionText` come from the decisions on the item, and only once the meeting's
  documentation is published: before that the text of a decision is not public and may name people.
- Consultation: `role` is the Zuständigkeit, `authoritative` is true for "Entscheidung". A
  Gremium that is not recorded in the portal appears as `quartiersportal:organizationName`; the
  date and public flag of the row as `quartiersportal:date` and `quartiersportal:public`. `meeting` is the
  public meeting of the row's body on the row's date, if there is exactly one, and `agendaItem` the one
  item there whose title contains the paper's subject.
- File: `sha512Checksum`, and the SHA-256 the archive checks as `quartiersportal:sha256Checksum`
  (vendor-prefixed properties are allowed). `accessUrl` shows the
  PDF inline, `downloadUrl` is the archive's download; both send it only if its hash still matches.
"""
