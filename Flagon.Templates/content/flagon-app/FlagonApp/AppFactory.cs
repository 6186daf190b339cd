using Flagon;
using Flagon.Shell;
using FlagonApp.Notes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlagonApp;

/// <summary>app.py's create_app: a new, fully set-up app per call (each test makes its own).</summary>
public static class AppFactory
{
    public static App CreateApp(string[] args)
    {
        var app = new App(args).ConfigFromObject(new Settings());

        // The database: a SQLite file in the instance folder, created when the app starts serving.
        var file = Path.Combine(app.InstancePath, app.Config["DATABASE"]!);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        app.Services.AddDbContext<NotesDb>(options => options.UseSqlite($"Data Source={file}"));
        app.Services.AddSingleton<IStartupFilter, CreateDatabase>();

        // ASP.NET Core around the views: CSRF tokens for the forms ({{ csrf_token() }}, [RequireAntiforgeryToken]).
        app.Services.AddAntiforgery();
        app.Use(web => web.UseAntiforgery());

        app.RegisterBlueprint<NotesBlueprint>();
        app.AddShell();   // dotnet run -- shell: C# with `app` and Get<NotesDb>() (Flask's flask shell)
        return app;
    }

    private sealed class CreateDatabase : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            using (var scope = builder.ApplicationServices.CreateScope())
            {
                scope.ServiceProvider.GetRequiredService<NotesDb>().Database.EnsureCreated();
            }
            next(builder);
        };
    }
}
