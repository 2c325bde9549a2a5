def rollen(request):
    return {}
