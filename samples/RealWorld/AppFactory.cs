using Flagon;
using RealWorld.Admin;
using RealWorld.Blog;
using RealWorld.Extensions;

namespace RealWorld;

/// <summary>Flask's create_app(name, settings): a new, fully set-up app per call (the tests make their own).</summary>
public static class AppFactory
{
    /// <summary>The extension objects are shared by every app the factory makes; their state lives in each app.</summary>
    public static readonly Counter Counter = new();

    /// <summary>The seed's advanced pattern (slide 42): one Redis extension, initialised for every app made.</summary>
    public static readonly Redis Redis = new();

    public static App CreateApp(string[] args)
    {
        var app = new App(args).ConfigFromObject(new Settings());
        Counter.InitApp(app);
        Redis.InitApp(app);
        app.RegisterBlueprint<BlogBlueprint>();
        app.RegisterBlueprint<AdminBlueprint>(urlPrefix: app.Config["ADMIN_PREFIX"]);
        return app;
    }
}
