using Microsoft.AspNetCore.Http;

namespace Flagon.Runtime.Tests;

/// <summary>How the conformance app's enum-typed rule variable is spelled in URLs: lower case member names.</summary>
public enum Tone
{
    Light,
    Dark,
}

/// <summary>
/// The views of the routing conformance suite: one of each kind of rule Werkzeug's documentation describes.
/// Each answers with its endpoint and the values it received, so a test sees what matched and what was bound.
/// </summary>
public static class ConformanceViews
{
    [Route("/")]
    public static string Index() => "index";

    // Non-ASCII rule text and values: built URLs are percent-encoded as UTF-8, matching decodes them back.
    [Route("/лошадь")]
    public static string Horse() => "horse";

    [Route("/café/<name>")]
    public static string Cafe(string name) => $"cafe name={name}";

    [Route("/to-horse")]
    public static Response ToHorse() => Globals.Redirect(UrlFor.Horse());

    // A location written as an IRI (non-ASCII, a space): the Location header gets its URI form.
    [Route("/to-cafe")]
    public static Response ToCafe() => Globals.Redirect("/café/crème brûlée?x=ü");

    // The seed's slide 10.
    [Route("/page", Defaults = "pk=1", Endpoint = "default_page")]
    [Route("/page/<int:pk>")]
    public static string Page(int pk) => $"page pk={pk}";

    // Werkzeug adds a rule's defaults to the values it matched: request.view_args has both.
    [Route("/shelf", Defaults = "lang=en")]
    [Route("/shelf/<lang>/<int:n>")]
    public static string Shelf(string lang, int n = 0) =>
        $"shelf {lang} {n} args={string.Join(",", Globals.Request.ViewArgs.OrderBy(p => p.Key).Select(p => $"{p.Key}:{p.Value}"))}";

    [Route("/secret", Methods = ["GET", "POST"])]
    [Route("/secret/<username>")]
    public static string Secret(HttpRequest request, string? username = null) => $"secret {request.Method} username={username ?? "None"}";

    // One endpoint, two rules (Werkzeug's defaults): a value equal to the default builds the shorter URL.
    [Route("/archive", Defaults = "year=2024")]
    [Route("/archive/<int:year>")]
    public static string Archive(int year) => $"archive year={year}";

    [Route("/docs/")]
    public static string Docs() => "docs";

    [Route("/about")]
    public static string About() => "about";

    [Route("/loose/", StrictSlashes = false)]
    public static string Loose() => "loose";

    [Route("/plain", StrictSlashes = false)]
    public static string Plain() => "plain";

    [Route("/strict/", TrailingSlash = TrailingSlash.Strict)]
    public static string Strict() => "strict";

    [Route("/users/me")]
    public static string Me() => "me";

    [Route("/users/<int:id>")]
    public static string UserById(int id) => $"user_by_id id={id}";

    [Route("/users/<name>")]
    public static string UserByName(string name) => $"user_by_name name={name}";

    [Route("/files/<path:name>")]
    public static string File(string name) => $"file name={name}";

    [Route("/files/<path:name>/edit")]
    public static string EditFile(string name) => $"edit_file name={name}";

    [Route("/deep/<a>/<b>/<int:c>/<d>/<path:e>")]
    public static string Deep(string a, string b, int c, string d, string e) =>
        $"deep a={a} b={b} c={c} d={d} e={e} args={string.Join(",", Globals.Request.ViewArgs.OrderBy(p => p.Key).Select(p => $"{p.Key}:{p.Value}"))}";

    // Werkzeug's rules with several variables in one part, variables after a path, and a path before a slash.
    [Route("/month/<int:year>-<int:month>")]
    public static string Month(int year, int month) => $"month year={year} month={month}";

    [Route("/report/<name>.<any(json, html):fmt>")]
    public static string Report(string name, string fmt) => $"report name={name} fmt={fmt}";

    [Route("/report/<name>")]
    public static string ReportPlain(string name) => $"report_plain name={name}";

    [Route("/span/<first>-<second>")]
    public static string Span(string first, string second) => $"span first={first} second={second}";

    [Route("/v<int:major>.<int:minor>/")]
    public static string Version(int major, int minor) => $"version major={major} minor={minor}";

    [Route("/dl/<path:dir>/<name>.txt")]
    public static string Download(string dir, string name) => $"download dir={dir} name={name}";

    [Route("/tree/<path:p>/")]
    public static string Tree(string p) => $"tree p={p}";

    // Converters of the program's own (CustomConverters.cs).
    [Route("/day/<isodate:day>")]
    public static string Day(DateOnly day) => $"day day={day:yyyy-MM-dd}";

    [Route("/posts/<slug(10):title>")]
    public static string Post(string title) => $"post title={title}";

    [Route("/posts/<name>")]
    public static string PostByName(string name) => $"post_by_name name={name}";

    [Route("/code/<regex('[a-z]{3}'):code>")]
    public static string Code(string code) => $"code code={code}";

    [Route("/between/<isodate:start>_<isodate:end>")]
    public static string Between(DateOnly start, DateOnly end) => $"between start={start:yyyy-MM-dd} end={end:yyyy-MM-dd}";

    // A converter of a library the program references (tests/ConverterLibrary).
    [Route("/books/<isbn:code>")]
    public static string Book(string code) => $"book code={code}";

    [Route("/items/<uuid:id>")]
    public static string Item(Guid id) => $"item id={id}";

    [Route("/color/<any(red, green, blue):color>")]
    public static string Color(string color) => $"color color={color}";

    [Route("/shade/<tone>")]
    public static string Shade(Tone tone) => $"shade tone={tone}";

    [Route("/year/<int(fixed_digits=4):year>")]
    public static string Year(int year) => $"year year={year}";

    [Route("/range/<int(min=1, max=10):n>")]
    public static string InRange(int n) => $"in_range n={n}";

    [Route("/signed/<int(signed=True):n>")]
    public static string Signed(int n) => $"signed n={n}";

    [Route("/big/<n>")]
    public static string Big(long n) => $"big n={n}";

    [Route("/float/<float:x>")]
    public static string Float(double x) => $"float x={x.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    [Route("/lang/<string(length=2):code>")]
    public static string Lang(string code) => $"lang code={code}";

    [Route("/export/<name>.json")]
    public static string ExportJson(string name) => $"export_json name={name}";

    [Route("/export/<name>")]
    public static string Export(string name) => $"export name={name}";

    // A GET rule and, declared after it, a rule naming HEAD itself for the same path: HEAD goes to the second.
    [Route("/probe")]
    public static Response Probe() => new("probe", headers: [new("X-View", "probe")]);

    [Route("/probe", Methods = ["HEAD"])]
    public static Response ProbeHead() => new(headers: [new("X-View", "probe_head")]);

    [Route("/resource", Methods = ["POST"])]
    public static string CreateResource() => "create_resource";

    [Route("/resource", Methods = ["PUT", "DELETE"])]
    public static string ReplaceResource(HttpRequest request) => $"replace_resource {request.Method}";

    [Route("/boom")]
    public static string Boom() => throw new InvalidOperationException("boom");

    [ErrorHandler(500)]
    public static (string, int) ServerError(HttpError e) => ($"app error: {e.InnerException?.Message}", 500);

    [Route("/links")]
    public static string Links() => $"{UrlFor.Page(pk: 3)} {UrlFor.Secret(external: true)}";

    [Route("/with-options", Methods = ["GET", "OPTIONS"])]
    public static string WithOptions(HttpRequest request) => $"with_options {request.Method}";
}
