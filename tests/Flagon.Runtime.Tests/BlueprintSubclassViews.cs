namespace Flagon.Runtime.Tests;

/// <summary>
/// A blueprint base class (Flask's Blueprint subclass): its views are compiled into every [Blueprint] class that
/// derives from it, and call that class's overrides.
/// </summary>
public abstract class CatalogViews
{
    [Route("/")]
    public string List() => $"{Noun}s: {string.Join(",", Items())}";

    [Route("/<int:id>")]
    public virtual string Show(int id) => $"{Noun} {id}";

    [Route("/about")]
    public static string About() => "a catalog";

    protected abstract string Noun { get; }

    protected virtual IEnumerable<string> Items() => ["a", "b"];
}

/// <summary>The base views as they are, with the noun filled in.</summary>
[Blueprint("books", UrlPrefix = "/books")]
public partial class BooksBlueprint : CatalogViews
{
    protected override string Noun => "book";

    /// <summary>Only for the templates this blueprint's views render.</summary>
    [ContextProcessor]
    public static Dictionary<string, object?> Section() => new() { ["section"] = "books" };

    [TemplateFilter("shelf")]
    public static string Shelf(object? value) => $"[{value}]";

    [Route("/functions")]
    public static Response Functions() => TemplateFunctionsViews.Functions();
}

/// <summary>Overrides a helper, overrides a view's body, and adds a view of its own.</summary>
[Blueprint("films", UrlPrefix = "/films")]
public partial class FilmsBlueprint : CatalogViews
{
    protected override string Noun => "film";

    protected override IEnumerable<string> Items() => ["x"];

    public override string Show(int id) => $"film #{id} at {UrlFor.FilmsBlueprint.Show(id: id)}";

    [Route("/new")]
    public string New() => "new film";
}
