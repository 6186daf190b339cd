"""The seed's three pages, as every server in the HTTP benchmark answers them (the .NET servers write the same bytes:
benchmarks/http/servers/Shared/SeedPages.cs): "/" is HELLO as text/plain, "/environ" the request's WSGI environment
padded to ENVIRON_LENGTH bytes, "/template" template.html rendered from TITLE and ITEMS (191 bytes)."""
import os

HELLO = "Hello, world!"
TEXT_PLAIN = "text/plain; charset=utf-8"
HTML = "text/html; charset=utf-8"
ENVIRON_LENGTH = 2900
TITLE = "Hello, world page!"
ITEMS = ["one", "<two>", "three & four"]

HERE = os.path.dirname(os.path.abspath(__file__))
# template.html, shared with the .NET servers (Jinja2, Django and Fluid read the same file).
SHARED_TEMPLATES = os.path.normpath(os.path.join(HERE, "..", "..", "templates"))
# The same page in the template languages of Bottle and Tornado.
OWN_TEMPLATES = os.path.join(HERE, "templates")

CGI_KEYS = ("REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING", "SERVER_NAME", "SERVER_PORT",
            "SERVER_PROTOCOL", "REMOTE_ADDR", "wsgi.url_scheme")


def environ_entries(environ):
    """The entries of a WSGI environ that the page shows: the CGI variables, the content headers, the HTTP_ headers."""
    entries = {key: str(environ.get(key, "")) for key in CGI_KEYS}
    for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
        if environ.get(key):
            entries[key] = str(environ[key])
    for key, value in environ.items():
        if key.startswith("HTTP_"):
            entries[key] = str(value)
    return entries


def environ_page(entries):
    """One "KEY: value" line per entry, sorted by key, then spaces up to ENVIRON_LENGTH bytes (cut there if longer)."""
    page = "".join(f"{key}: {entries[key]}\n" for key in sorted(entries)).encode()[:ENVIRON_LENGTH]
    return page + b" " * (ENVIRON_LENGTH - len(page))
