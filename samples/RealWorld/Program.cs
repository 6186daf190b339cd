// The seed's "real world" tree (slides 6-7, 30-36), in Flagon:
//
//   appname/app.py          -> Program.cs (the app factory)
//   appname/settings.py     -> Settings.cs and appsettings.json
//   appname/views.py        -> Views/Pages.cs
//   appname/blueprintname/  -> Blog/, Admin/
//   extensions              -> Extensions/Redis.cs (the seed's Flask-And-Redis), Extensions/Counter.cs
//   appname/static/         -> static/
//
// dotnet run --project samples/RealWorld            serves it
// dotnet run --project samples/RealWorld -- routes  lists its url map
using RealWorld;

var app = AppFactory.CreateApp(args);
app.Run();
