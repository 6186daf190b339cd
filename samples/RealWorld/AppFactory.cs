using Flagon;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;
using Flagon.OpenApi;
using Flagon.Shell;
using RealWorld.Admin;
using RealWorld.Api;
using RealWorld.Auth;
using RealWorld.Commands;
using RealWorld.Data;
using RealWorld.Extensions;

namespace RealWorld;

/// <summary>Flask's create_app(settings): a new, fully set-up app per call (the tests make their own).</summary>
public static class AppFactory
{
    /// <summary>The extension objects are shared by every app the factory makes (the seed's slide 42); their state lives in each app.</summary>
    public static readonly Database Database = new();

    /// <summary>The Redis extension: on for apps with a REDIS_URL.</summary>
    public static readonly Redis Redis = new();

    public static App CreateApp(string[] args)
    {
        var app = new App(args).ConfigFromObject(new Settings());
        Database.InitApp(app);
        Redis.InitApp(app);

        // ASP.NET Core around the views: cookie login for the admin, CSRF tokens on its forms, health checks.
        app.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.LoginPath = "/admin/login";
            options.ReturnUrlParameter = "next";
            options.Cookie.Name = "realworld_login";
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        app.Services.AddAuthorization();
        app.Services.AddAntiforgery(options => options.Cookie.Name = "realworld_csrf");
        app.Services.AddSingleton(new LoginThrottle(
            int.Parse(app.Config["LOGIN_FAILURES"]!, System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(int.Parse(app.Config["LOGIN_WINDOW_SECONDS"]!, System.Globalization.CultureInfo.InvariantCulture))));
        app.Services.AddSingleton<IStartupFilter>(new TellHowToMakeTheFirstAdmin());
        // Behind a reverse proxy (docs/deployment.md): the client's address and scheme come from X-Forwarded-For and
        // X-Forwarded-Proto, trusted only from the proxies ASP.NET Core knows (loopback by default).
        app.Services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        // The JSON API's OpenAPI document (/openapi/v1.json, and RealWorld.json in the build output) and its
        // reference page (/api/docs). The pages and the admin are HTML: the document has the api blueprint only.
        app.Services.AddFlagonOpenApi(configure: options =>
        {
            options.ShouldInclude = description => description.FlagonRule()?.Blueprint == "api";
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "RealWorld pages API";
                return Task.CompletedTask;
            });
        });
        app.Use(web =>
        {
            web.Use(SecurityHeaders.Add);
            web.UseForwardedHeaders();
            web.UseAuthentication();
            web.UseAuthorization();
            web.UseAntiforgery();
            web.MapHealthChecks("/healthz");
            web.MapOpenApi();
            web.MapScalarApiReference("/api/docs");
        });

        // The name of the signed-in admin, for the layout.
        app.AddContextProcessor(() => [new("current_user", Globals.Request.Inner.HttpContext.User.Identity is { IsAuthenticated: true } user ? user.Name : null)]);
        app.RegisterBlueprint<AdminBlueprint>(urlPrefix: "/admin");
        app.RegisterBlueprint<ApiBlueprint>(urlPrefix: "/api");
        app.Cli.Subcommands.Add(CreateUserCommand.Create());
        app.AddShell();   // dotnet run -- shell: C# in the app's context (Flask's flask shell)
        return app;
    }

    // The first start of a site without admins says how to make one (after the database is migrated).
    private sealed class TellHowToMakeTheFirstAdmin : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            next(builder);
            using var scope = builder.ApplicationServices.CreateScope();
            if (!scope.ServiceProvider.GetRequiredService<SiteDb>().Users.Any())
            {
                builder.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("RealWorld").LogWarning(
                    "No admin yet: make one with `dotnet run --project samples/RealWorld -- {Command} --username NAME` (it asks for the password).",
                    CreateUserCommand.Name);
            }
        };
    }
}
