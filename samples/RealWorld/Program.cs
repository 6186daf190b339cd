// The seed's "real world" tree (slides 6-7, 30-36), as a Flask user would deploy it, in Flagon:
//
//   appname/app.py          -> AppFactory.cs (create_app) and Program.cs
//   appname/settings.py     -> Settings.cs and appsettings.json
//   appname/models.py       -> Data/ (EF Core on SQLite, migrations in Data/Migrations)
//   appname/views.py        -> Views/Pages.cs
//   appname/admin/          -> Admin/ (a blueprint behind ASP.NET Core cookie login and antiforgery)
//   extensions              -> Extensions/Database.cs (Flask-SQLAlchemy's part), Extensions/Redis.cs (Flask-And-Redis)
//   appname/templates/      -> templates/
//   appname/static/         -> static/
//
// dotnet run --project samples/RealWorld                                       serves it on http://127.0.0.1:5000
// dotnet run --project samples/RealWorld -- create-user --username admin      makes the first admin
// dotnet run --project samples/RealWorld -- routes                            lists its url map
// dotnet run --project samples/RealWorld -- shell                             a C# shell in the app's context
using RealWorld;

AppFactory.CreateApp(args).Run();
