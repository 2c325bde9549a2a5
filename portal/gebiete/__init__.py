"""Area pages: the list of areas (liste), an area's page (seite) and the map (karte).

They bring together data of every app (areas and statistics, programmes and projects, bodies and
meetings), so they live in portal, which may use all apps; quartiere stays free of imports from
the apps to its right. Areas are public city data for every role; projects, bodies and meetings
on them are scoped through quartiere.zugriff like everywhere else.
"""
