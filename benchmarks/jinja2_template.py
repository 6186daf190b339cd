#!/usr/bin/python3
"""The seed's /template page rendered by Jinja2 (Debian's python3-jinja2), as Flask's render_template does:
autoescape on, the template loaded and compiled once. Prints the mean time per render in microseconds.
Run by templates-vs-jinja2.sh next to Flagon's TemplateBenchmarks."""
import os
import sys
import timeit

import jinja2

here = os.path.dirname(os.path.abspath(__file__))
env = jinja2.Environment(loader=jinja2.FileSystemLoader(os.path.join(here, "templates")), autoescape=True, keep_trailing_newline=True)
values = {"title": "Hello, world page!", "items": ["one", "<two>", "three & four"]}
page = env.get_template("template.html").render(**values)
if len(page.encode()) != 191:
    sys.exit(f"expected the 191-byte page, rendered {len(page.encode())} bytes")

number = 20000
best = min(timeit.repeat(lambda: env.get_template("template.html").render(**values), number=number, repeat=7))
print(f"jinja2 {jinja2.__version__}: {best / number * 1e6:.2f} us per render (best of 7 runs of {number})")
