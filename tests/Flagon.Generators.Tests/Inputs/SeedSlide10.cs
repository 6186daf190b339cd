// The seed's slide 10, imperative form:
//
//     app.add_url_rule('/', index_view, endpoint='index')
//     app.add_url_rule('/page', page_view, defaults={'pk': 1}, endpoint='default_page')
//     app.add_url_rule('/page/<int:pk>', page_view, endpoint='page')
using Flagon;

var app = new App(args);
app.AddUrlRule("/", Views.IndexView, endpoint: "index");
app.AddUrlRule("/page", Views.PageView, defaults: "pk=1", endpoint: "default_page");
app.AddUrlRule("/page/<int:pk>", Views.PageView, endpoint: "page");
app.AddUrlRule("/hello/<name>", (string name) => $"Hello, {name}!", endpoint: "hello");
app.Run();

static class Views
{
    public static string IndexView() => "Hello, world!";

    public static string PageView(int pk) => $"Page #{pk}";
}
