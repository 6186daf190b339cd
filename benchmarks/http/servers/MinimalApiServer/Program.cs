// The seed's pages as ASP.NET Core Minimal APIs (routing, the Request Delegate Generator's compiled delegates) with
// the template rendered by Fluid directly: parsed once, a TemplateContext per request.
using System.Text.Encodings.Web;
using Fluid;
using Flagon.HttpBenchmarks;

var builder = WebApplication.CreateSlimBuilder(args);
var web = builder.Build();

var parser = new FluidParser();
var template = parser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "templates", "template.html")));
var options = new TemplateOptionsBuilder().Build();

web.MapGet("/", () => SeedPages.Hello);
web.MapGet("/environ", (HttpContext context) => SeedPages.Environ(WsgiEnviron.Of(context)));
web.MapGet("/template", async () =>
{
    var context = new TemplateContext(options);
    context.SetValue("title", SeedPages.Title);
    context.SetValue("items", SeedPages.Items);
    return Results.Content(await template.RenderAsync(context, HtmlEncoder.Default), "text/html; charset=utf-8");
});
web.Run();
