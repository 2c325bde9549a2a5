"""OParl 1.1 interface: cities, bodies, meetings, papers and files as public, read-only JSON.

Council information systems read the portal through it (https://schema.oparl.org/1.1/). The
interface is public, so it shows only what is public for everyone, whoever asks: meetings marked
`oeffentlich` and published reports marked `oeffentlich` (withdrawn ones as deleted). Anything else
does not exist here (404).

How our data maps onto OParl, where the specification leaves room:
- Body = a city; Organization = a Gremium of the city or of one of its areas; Meeting = a public
  Sitzung with its agenda items and its place (a Location); Paper and File = a public published
  report (Bericht) and its PDF; Consultation = a row of a council paper's Beratungsfolge.
- No person is published. Meetings name no participants; the lists of persons, memberships and
  legislative terms that OParl 1.1 requires of every Body exist but stay empty.
- Every version of a report is a Paper of its own with the report number as `reference`; versions
  after the first say "(Version N)" in their name and `quartiersportal:version`, and the public
  versions of a number point to each other in `relatedPaper`. A superseded version stays in the
  archive and valid as published, so it is not deleted.
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
  start time starts at 00:00 (OParl has no start without a time).
- Consultation: `role` is the Zuständigkeit, `authoritative` is true for "Entscheidung". A
  Gremium that is not recorded in the portal appears as `quartiersportal:organizationName`; the
  date and public flag of the row as `quartiersportal:date` and `quartiersportal:public`. No
  meeting is linked: our data does not record in which meeting a row was dealt with.
- File: OParl knows SHA-1 (deprecated) and SHA-512 checksums; we store SHA-256 and give it as
  `quartiersportal:sha256Checksum` (vendor-prefixed properties are allowed). `accessUrl` shows the
  PDF inline, `downloadUrl` is the archive's download; both send it only if its hash still matches.
"""
