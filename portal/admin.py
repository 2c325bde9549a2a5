from django.contrib import admin

admin.site.site_header = "Quartiersportal – Verwaltung"
admin.site.site_title = "Quartiersportal – Verwaltung"
