"""The seed's benchmark pages in Flask (served by gunicorn: benchmarks/http/run.sh)."""
from flask import Flask, Response, render_template, request

from seed_pages import HELLO, ITEMS, SHARED_TEMPLATES, TITLE, environ_entries, environ_page

app = Flask(__name__, template_folder=SHARED_TEMPLATES)


@app.route("/")
def hello():
    return Response(HELLO, mimetype="text/plain")


@app.route("/environ")
def environ():
    return Response(environ_page(environ_entries(request.environ)), mimetype="text/plain")


@app.route("/template")
def template():
    return render_template("template.html", title=TITLE, items=ITEMS)
