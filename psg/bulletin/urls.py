"""The bulletin's public pages: the archive at /bulletin/, subscribing."""

urlpatterns = []
