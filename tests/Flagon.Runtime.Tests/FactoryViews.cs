namespace Flagon.Runtime.Tests;

/// <summary>App-level views that only a "frontend" app serves (<see cref="App.ServeViews(Type[])"/>).</summary>
public static class FrontendViews
{
    [Route("/front")]
    public static string FrontIndex() => $"front {Url.For("front_index")}";
}

/// <summary>App-level views that only a "backend" app serves.</summary>
public static class BackendViews
{
    [Route("/back")]
    public static string BackIndex() => "back";

    [Route("/back/<int:id>")]
    public static string BackItem(int id) => $"back {id}";
}
