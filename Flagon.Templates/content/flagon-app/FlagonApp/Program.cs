// manage.py: serve (dotnet run), or run a command (dotnet run -- routes, dotnet run -- init-db).
FlagonApp.AppFactory.CreateApp(args).Run();
