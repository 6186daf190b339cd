"""The seed's benchmark pages in Django, one file (served by gunicorn), with Django's own template engine reading the
shared template.html (its syntax is valid Django too)."""
import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

from seed_pages import HELLO, ITEMS, SHARED_TEMPLATES, TEXT_PLAIN, TITLE, environ_entries, environ_page

settings.configure(
    DEBUG=False,
    SECRET_KEY="benchmark-only",
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [SHARED_TEMPLATES]}],
)


def hello(request):
    return HttpResponse(HELLO, content_type=TEXT_PLAIN)


def environ(request):
    return HttpResponse(environ_page(environ_entries(request.META)), content_type=TEXT_PLAIN)


def page(request):
    return render(request, "template.html", {"title": TITLE, "items": ITEMS})


urlpatterns = [path("", hello), path("environ", environ), path("template", page)]
django.setup()
app = get_wsgi_application()
