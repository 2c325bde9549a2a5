"""The benchmark behind `make bench` (manage.py benchmessung): page timings and query counts per role,
throughput under a bounded load through gunicorn, exports and report rendering. It reads whatever
data the database holds (manage.py benchdaten --groesse S|M|L fills it) and changes nothing.
"""
