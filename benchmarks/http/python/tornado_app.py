"""The seed's benchmark pages in Tornado, on its own HTTP server (one process per core), with Tornado's templates.
Run: tornado_app.py PORT [PROCESSES]."""
import os
import sys

import tornado.httpserver
import tornado.ioloop
import tornado.netutil
import tornado.process
import tornado.template
import tornado.web

from seed_pages import HELLO, ITEMS, OWN_TEMPLATES, TEXT_PLAIN, TITLE, environ_page

loader = tornado.template.Loader(OWN_TEMPLATES, whitespace="all")


class Hello(tornado.web.RequestHandler):
    def get(self):
        self.set_header("Content-Type", TEXT_PLAIN)
        self.write(HELLO)


class Environ(tornado.web.RequestHandler):
    def get(self):
        request = self.request
        host, _, port = request.host.partition(":")
        entries = {
            "REQUEST_METHOD": request.method,
            "SCRIPT_NAME": "",
            "PATH_INFO": request.path,
            "QUERY_STRING": request.query,
            "SERVER_NAME": host,
            "SERVER_PORT": port or ("443" if request.protocol == "https" else "80"),
            "SERVER_PROTOCOL": request.version,
            "REMOTE_ADDR": request.remote_ip,
            "wsgi.url_scheme": request.protocol,
        }
        for name, value in request.headers.get_all():
            key = name.upper().replace("-", "_")
            entries[key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else "HTTP_" + key] = value
        self.set_header("Content-Type", TEXT_PLAIN)
        self.write(environ_page(entries))


class Page(tornado.web.RequestHandler):
    def get(self):
        self.write(loader.load("template.tornado.html").generate(title=TITLE, items=ITEMS))


def main():
    port = int(sys.argv[1])
    processes = int(sys.argv[2]) if len(sys.argv) > 2 else os.cpu_count()
    sockets = tornado.netutil.bind_sockets(port, address="127.0.0.1")
    tornado.process.fork_processes(processes)
    app = tornado.web.Application([(r"/", Hello), (r"/environ", Environ), (r"/template", Page)])
    server = tornado.httpserver.HTTPServer(app)
    server.add_sockets(sockets)
    tornado.ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
