"""The seed's benchmark pages in Pyramid (served by gunicorn). Pyramid has no template engine of its own; the page is
rendered with Jinja2 (autoescape on), as pyramid_jinja2 would."""
import jinja2
from pyramid.config import Configurator
from pyramid.response import Response

from seed_pages import HELLO, HTML, ITEMS, SHARED_TEMPLATES, TEXT_PLAIN, TITLE, environ_entries, environ_page

templates = jinja2.Environment(loader=jinja2.FileSystemLoader(SHARED_TEMPLATES), autoescape=True)


def hello(request):
    return Response(HELLO, content_type=TEXT_PLAIN, charset=None)


def environ(request):
    return Response(environ_page(environ_entries(request.environ)), content_type=TEXT_PLAIN, charset=None)


def page(request):
    return Response(templates.get_template("template.html").render(title=TITLE, items=ITEMS), content_type=HTML, charset=None)


with Configurator() as config:
    config.add_route("hello", "/")
    config.add_view(hello, route_name="hello")
    config.add_route("environ", "/environ")
    config.add_view(environ, route_name="environ")
    config.add_route("template", "/template")
    config.add_view(page, route_name="template")
    app = config.make_wsgi_app()
