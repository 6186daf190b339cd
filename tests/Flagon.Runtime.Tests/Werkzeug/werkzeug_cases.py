"""Werkzeug's own routing tests (tests/test_routing.py), as data: the rule maps of the tests Flagon's routing
covers, each request and URL build they make, and what Werkzeug answers. Run with Debian's Werkzeug
(python3-werkzeug, 2.2.2) to regenerate werkzeug-cases.json; the tests read only the JSON.

    /usr/bin/python3 werkzeug_cases.py > werkzeug-cases.json
"""
import json
import uuid

import werkzeug
from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import BuildError, Map, RequestRedirect, Rule

# name: (rules, requests, builds). A rule is (rule, endpoint, options); a request (method, path); a build
# (endpoint, values). Websockets, hosts and subdomains, aliases and redirect_to are Werkzeug features Flagon
# does not have; their tests are left out.
MAPS = {
    "basic_routing": (
        [("/", "index", {}), ("/foo", "foo", {}), ("/bar/", "bar", {})],
        [("GET", "/"), ("GET", "/foo"), ("GET", "/bar/"), ("GET", "/bar"), ("GET", "/blub"), ("GET", "/foo/")],
        [],
    ),
    "strict_slashes_redirect": (
        [("/bar/", "get", {"methods": ["GET"]}), ("/bar", "post", {"methods": ["POST"]}),
         ("/foo/", "foo", {"methods": ["POST"]}), ("/<path:var>/", "path", {"methods": ["GET"]})],
        [("GET", "/bar/"), ("POST", "/bar"), ("GET", "/abc/"), ("GET", "/bar"), ("POST", "/bar/"), ("POST", "/foo"), ("GET", "/abc")],
        [],
    ),
    "strict_slashes_redirect_other_order": (
        [("/bar", "post", {"methods": ["POST"]}), ("/bar/", "get", {"methods": ["GET"]})],
        [("GET", "/bar/"), ("POST", "/bar"), ("GET", "/bar"), ("POST", "/bar/")],
        [],
    ),
    "strict_slashes_leaves_dont_consume": (
        [("/path1", "leaf", {}), ("/path1/", "branch", {}),
         ("/path2", "leaf", {"strict_slashes": False}), ("/path2/", "branch", {}),
         ("/path3", "leaf", {}), ("/path3/", "branch", {"strict_slashes": False}),
         ("/path4", "leaf", {"strict_slashes": False}), ("/path4/", "branch", {"strict_slashes": False}),
         ("/path5", "leaf", {"strict_slashes": False})],
        [("GET", p) for p in ["/path1", "/path1/", "/path2", "/path2/", "/path3", "/path3/", "/path4", "/path4/", "/path5/"]],
        [],
    ),
    "defaults": (
        [("/foo/", "foo", {"defaults": {"page": 1}}), ("/foo/<int:page>", "foo", {})],
        [("GET", "/foo/"), ("GET", "/foo/1"), ("GET", "/foo/2")],
        [("foo", {}), ("foo", {"page": 1}), ("foo", {"page": 2})],
    ),
    "negative": (
        [("/foos/<int(signed=True):page>", "foos", {}), ("/bars/<float(signed=True):page>", "bars", {}),
         ("/foo/<int:page>", "foo", {}), ("/bar/<float:page>", "bar", {})],
        [("GET", p) for p in ["/foos/-2", "/foos/-50", "/bars/-2.0", "/bars/-0.185", "/foo/-2", "/foo/-50", "/bar/-0.185", "/bar/-2.0"]],
        [("foos", {"page": -2}), ("bars", {"page": -0.185})],
    ),
    "greedy": (
        [("/foo", "foo", {}), ("/<path:bar>", "bar", {}), ("/<path:bar>/<path:blub>", "bar", {})],
        [("GET", "/foo"), ("GET", "/blub"), ("GET", "/he/he")],
        [("foo", {}), ("bar", {"bar": "blub"}), ("bar", {"bar": "blub", "blub": "bar"})],
    ),
    "path": (
        [("/", "page", {"defaults": {"name": "FrontPage"}}), ("/Special", "special", {}), ("/<int:year>", "year", {}),
         ("/<path:name>:foo", "foopage", {}), ("/<path:name>:<path:name2>", "twopage", {}), ("/<path:name>", "page", {}),
         ("/<path:name>/edit", "editpage", {}), ("/<path:name>/silly/<path:name2>", "sillypage", {}),
         ("/<path:name>/silly/<path:name2>/edit", "editsillypage", {}), ("/Talk:<path:name>", "talk", {}),
         ("/User:<username>", "user", {}), ("/User:<username>/<path:name>", "userpage", {}),
         ("/User:<username>/comment/<int:id>-<int:replyId>", "usercomment", {}), ("/Files/<path:file>", "files", {}),
         ("/<admin>/<manage>/<things>", "admin", {})],
        [("GET", p) for p in ["/", "/FrontPage", "/Special", "/2007", "/Some:foo", "/Some:bar", "/Some/Page", "/Some/Page/edit",
                              "/Foo/silly/bar", "/Foo/silly/bar/edit", "/Talk:Foo/Bar", "/User:thomas",
                              "/User:thomas/projects/werkzeug", "/User:thomas/comment/123-456",
                              "/Files/downloads/werkzeug/0.2.zip", "/Jerry/eats/cheese"]],
        [("page", {"name": "FrontPage"}), ("page", {"name": "Some/Page"}), ("editpage", {"name": "Some/Page"}),
         ("usercomment", {"username": "thomas", "id": 123, "replyId": 456}), ("files", {"file": "downloads/werkzeug/0.2.zip"})],
    ),
    "complex_routing_rules": (
        [("/", "index", {}), ("/<int:blub>", "an_int", {}), ("/<blub>", "a_string", {}), ("/foo/", "nested", {}),
         ("/foobar/", "nestedbar", {}), ("/foo/<path:testing>/", "nested_show", {}), ("/foo/<path:testing>/edit", "nested_edit", {}),
         ("/users/", "users", {"defaults": {"page": 1}}), ("/users/page/<int:page>", "users", {}), ("/foox", "foox", {}),
         ("/<path:bar>/<path:blub>", "barx_path_path", {})],
        [("GET", p) for p in ["/", "/42", "/blub", "/foo/", "/foobar/", "/foo/1/2/3/", "/foo/1/2/3/edit", "/users/", "/users/page/2",
                              "/foox", "/1/2/3"]],
        [("index", {}), ("an_int", {"blub": 42}), ("a_string", {"blub": "test"}), ("nested", {}), ("nestedbar", {}),
         ("nested_show", {"testing": "1/2/3"}), ("nested_edit", {"testing": "1/2/3"}), ("users", {"page": 1}),
         ("users", {"page": 2}), ("foox", {}), ("barx_path_path", {"bar": "1", "blub": "2/3"})],
    ),
    "uuid_converter": (
        [("/a/<uuid:a_uuid>", "a", {})],
        [("GET", "/a/a8098c1a-f86e-11da-bd1a-00112444be1e"), ("GET", "/a/a8098c1af86e11dabd1a00112444be1e")],
        [("a", {"a_uuid": uuid.UUID("a8098c1a-f86e-11da-bd1a-00112444be1e")})],
    ),
    "anyconverter": (
        [("/<any(a1, a2):a>", "no_dot", {}), ("/<any(a1, a2):a>.<any(b1, b2):b>", "yes_dot", {})],
        [("GET", "/a1"), ("GET", "/a2"), ("GET", "/a1.b1"), ("GET", "/a2.b2"), ("GET", "/a3")],
        [("no_dot", {"a": "a1"}), ("yes_dot", {"a": "a2", "b": "b1"})],
    ),
    "method_fallback": (
        [("/", "index", {"methods": ["GET"]}), ("/<name>", "hello_name", {"methods": ["GET"]}),
         ("/select", "hello_select", {"methods": ["POST"]}), ("/search_get", "search", {"methods": ["GET"]}),
         ("/search_post", "search", {"methods": ["POST"]})],
        [("GET", "/select"), ("POST", "/select"), ("GET", "/foo"), ("DELETE", "/foo")],
        [("index", {}), ("hello_name", {"name": "foo"}), ("hello_select", {}), ("search", {})],
    ),
    "implicit_head": (
        [("/get", "a", {"methods": ["GET"]}), ("/post", "b", {"methods": ["POST"]})],
        [("HEAD", "/get"), ("HEAD", "/post")],
        [],
    ),
    "path_weighting": (
        [("/<path:path>/c", "simple", {}), ("/<path:path>/<a>/<b>", "complex", {})],
        [("GET", "/a/b/c"), ("GET", "/a/b/d")],
        [],
    ),
    "newline_match": (
        [("/hello", "hello", {})],
        [("GET", "/hello\n")],
        [],
    ),
    "weighting": (
        [("/<int:value>", "int", {}), ("/<uuid:value>", "uuid", {})],
        [("GET", "/2b5b0911-fdcf-4dd2-921b-28ace88db8a0"), ("GET", "/42")],
        [],
    ),
    "strict_slashes_false": (
        [("/path1", "leaf_path", {"strict_slashes": False}), ("/path2/", "branch_path", {"strict_slashes": False}),
         ("/<path:path>", "leaf_path_converter", {"strict_slashes": False})],
        [("GET", p) for p in ["/path1", "/path1/", "/path2", "/path2/", "/any", "/any/"]],
        [],
    ),
    "multiple_converters_per_part": (
        [("/v<int:major>.<int:minor>", "version", {})],
        [("GET", "/v1.2"), ("GET", "/v1"), ("GET", "/v1.2.3")],
        [("version", {"major": 1, "minor": 2})],
    ),
    "static_regex_escape": (
        [("/.<int:value>", "dotted", {})],
        [("GET", "/.2"), ("GET", "/a2")],
        [("dotted", {"value": 2})],
    ),
    "unicode_rules": (
        [("/войти/", "enter", {}), ("/foo+bar/", "benchmark", {})],
        [("GET", "/войти/"), ("GET", "/foo+bar/"), ("GET", "/войти")],
        [("enter", {}), ("benchmark", {})],
    ),
    "double_defaults": (
        [("/", "x", {"defaults": {"foo": 1, "bar": False}}), ("/<int:foo>", "x", {"defaults": {"bar": False}}),
         ("/bar/", "x", {"defaults": {"foo": 1, "bar": True}}), ("/bar/<int:foo>", "x", {"defaults": {"bar": True}})],
        [("GET", "/"), ("GET", "/2"), ("GET", "/bar/"), ("GET", "/bar/2")],
        [("x", {}), ("x", {"foo": 1}), ("x", {"foo": 2}), ("x", {"foo": 1, "bar": True}), ("x", {"foo": 2, "bar": True})],
    ),
}


def plain(value):
    """A value as JSON: UUIDs as text; the type is kept apart, so 1 and 1.0 and "1" stay different."""
    if isinstance(value, bool):
        return {"bool": value}
    if isinstance(value, int):
        return {"int": value}
    if isinstance(value, float):
        return {"float": value}
    if isinstance(value, uuid.UUID):
        return {"uuid": str(value)}
    return {"str": value}


def run():
    out = {"werkzeug": werkzeug.__version__ if hasattr(werkzeug, "__version__") else "2.2.2", "maps": []}
    for name, (rules, requests, builds) in MAPS.items():
        url_map = Map([Rule(rule, endpoint=endpoint, **options) for rule, endpoint, options in rules])
        adapter = url_map.bind("example.org", "/")
        answers = []
        for method, path in requests:
            answer = {"method": method, "path": path}
            try:
                endpoint, values = adapter.match(path, method=method)
                answer.update(status=200, endpoint=endpoint, values={k: plain(v) for k, v in values.items()})
            except RequestRedirect as e:
                answer.update(status=e.code, location=e.new_url.replace("http://example.org", ""))
            except MethodNotAllowed as e:
                answer.update(status=405, allowed=sorted(e.valid_methods))
            except NotFound:
                answer.update(status=404)
            answers.append(answer)
        built = []
        for endpoint, values in builds:
            answer = {"endpoint": endpoint, "values": {k: plain(v) for k, v in values.items()}}
            try:
                answer["url"] = adapter.build(endpoint, values)
            except BuildError:
                answer["url"] = None
            built.append(answer)
        out["maps"].append({
            "name": name,
            "rules": [{"rule": rule, "endpoint": endpoint,
                       "methods": options.get("methods"),
                       "defaults": {k: plain(v) for k, v in options.get("defaults", {}).items()},
                       "strict_slashes": options.get("strict_slashes", True)} for rule, endpoint, options in rules],
            "requests": answers,
            "builds": built,
        })
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    run()
