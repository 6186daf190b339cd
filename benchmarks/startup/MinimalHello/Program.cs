// The seed's app.py as ASP.NET Core Minimal APIs: what samples/Hello's start-up is compared with.
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "Hello, world!");
app.Run();
