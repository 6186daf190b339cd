using Microsoft.AspNetCore.Http;

namespace Flagon.Contexts;

/// <summary>
/// The app and request of the current logical flow (AsyncLocal, so they follow <c>await</c> and do not leak
/// between concurrent requests). Flagon pushes them around every request; <see cref="App.AppContext"/> pushes
/// an app by hand.
/// </summary>
internal static class CurrentScope
{
    private static readonly AsyncLocal<App?> app = new();
    private static readonly AsyncLocal<HttpContext?> request = new();
    private static readonly AsyncLocal<Blueprints.BlueprintMount?> blueprint = new();

    /// <summary>The blueprint whose view handles the current request, if any.</summary>
    public static Blueprints.BlueprintMount? Blueprint
    {
        get => blueprint.Value;
        set => blueprint.Value = value;
    }

    public static App? App
    {
        get => app.Value;
        set => app.Value = value;
    }

    public static HttpContext? Request
    {
        get => request.Value;
        set => request.Value = value;
    }
}
