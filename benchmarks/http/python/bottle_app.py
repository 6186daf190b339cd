"""The seed's benchmark pages in Bottle (served by gunicorn), with Bottle's own SimpleTemplate."""
import bottle
from bottle import Bottle, request, response, template

from seed_pages import HELLO, ITEMS, OWN_TEMPLATES, TEXT_PLAIN, TITLE, environ_entries, environ_page

bottle.TEMPLATE_PATH[:] = [OWN_TEMPLATES]
app = Bottle()


@app.route("/")
def hello():
    response.content_type = TEXT_PLAIN
    return HELLO


@app.route("/environ")
def environ():
    response.content_type = TEXT_PLAIN
    return environ_page(environ_entries(request.environ))


@app.route("/template")
def page():
    return template("template.tpl", title=TITLE, items=ITEMS)
