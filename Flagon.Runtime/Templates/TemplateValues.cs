using System.Diagnostics.CodeAnalysis;
using Flagon.Contexts;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.Configuration;

namespace Flagon.Templates;

/// <summary>
/// What templates see: the model's members as top-level names, and Flask's template globals (<c>request</c>,
/// <c>session</c>, <c>g</c>, <c>config</c>, <c>url_for</c>, <c>get_flashed_messages</c>, <c>csrf_token</c>), exposed through
/// explicit accessors rather than reflection over Flagon's own types.
/// </summary>
internal static class TemplateValues
{
    /// <summary>
    /// The builder of an app's Fluid options, with Flagon's accessors registered (names are matched ignoring
    /// case) and Flask's template globals made once (each render's context gets the same values, not new ones). The
    /// request-bound ones (<c>request</c>, <c>session</c>, <c>g</c>) are views that read the current
    /// context when a template reads them, so a render neither makes them nor touches the session (Flask marks the
    /// session used, and the response <c>Vary: Cookie</c>, only when a template reads it).
    /// </summary>
    public static TemplateOptionsBuilder NewOptions() =>
        new TemplateOptionsBuilder()
            .WithModelNamesComparer(StringComparer.OrdinalIgnoreCase)
            .ConfigureMemberAccess(static access =>
            {
                access.Register<RequestView, object?>((_, name) => RequestView.Get(name));
                access.Register<StringMap, string?>((map, name) => map[name]);
                access.Register<SessionView, string?>((_, name) => CurrentScope.Current?.Session?[name]);
                access.Register<GView, object?>((_, name) => CurrentScope.Current?.G[name]);
                access.Register<ConfigView, string?>((config, name) => config.Config[name]);
                TemplateModelRegistry.ApplyTo(access);
                access.Register<GlobalsView, object?>((globals, name) => globals.Get(name));
            });

    // The template functions and the context views are stateless: one instance each, not one per render.
    private static readonly FluidValue GValue = ObjectValue.Create(GView.Instance);
    private static readonly FluidValue RequestValue = ObjectValue.Create(RequestView.Instance);
    private static readonly FluidValue SessionValue = ObjectValue.Create(SessionView.Instance);
    private static readonly FunctionValue UrlForFunction = FunctionValue.Create(UrlFor);
    private static readonly FunctionValue GetFlashedMessagesFunction = FunctionValue.Create(GetFlashedMessages);
    private static readonly FunctionValue CsrfTokenFunction = FunctionValue.Create(CsrfToken);

    /// <summary>
    /// Puts the model's public properties in the context as top-level names (Flask's <c>render_template(name, **values)</c>).
    /// The annotation keeps those properties under trimming and Native AOT, anonymous types included; a dictionary's
    /// entries are used as they are.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "The runtime type is T or derives from it; T's public properties are kept by the annotation.")]
    public static void SetModel<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(TemplateContext context, T model)
    {
        switch (model)
        {
            case null:
                return;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                foreach (var (name, value) in pairs)
                {
                    SetValue(context, name, value);
                }
                return;
        }
        if (typeof(T) != typeof(object) && TemplateModelRegistry.MembersOf<T>() is { } getters)
        {
            // The generated getters of the model's type: no reflection.
            foreach (var (name, get) in getters)
            {
                SetValue(context, name, get(model));
            }
            return;
        }
        var properties = typeof(T) == typeof(object) ? RuntimeProperties(model) : ModelProperties<T>.Readable;
        foreach (var property in properties)
        {
            SetValue(context, property.Name, property.GetValue(model));
        }
    }

    /// <summary>Sets <paramref name="name"/> in <paramref name="context"/>'s scope; null is Liquid's nil.</summary>
    public static void SetValue(TemplateContext context, string name, object? value) =>
        context.SetValue(name, value is null ? NilValue.Instance : FluidValue.Create(value, context.Options));

    // A model passed as object: its runtime type's properties (found by reflection, so not under trimming; a typed model is).
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Documented: under trimming pass the model with its static type, which the annotation keeps.")]
    private static System.Reflection.PropertyInfo[] RuntimeProperties(object model) =>
        [.. model.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })];

    /// <summary>A model type's readable public properties, looked up once per type.</summary>
    private static class ModelProperties<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>
    {
        public static readonly System.Reflection.PropertyInfo[] Readable =
            [.. typeof(T).GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })];
    }

    /// <summary>
    /// <c>{{ csrf_token() }}</c>: the hidden form field with the request's antiforgery token (ASP.NET Core Antiforgery,
    /// which checks it on POST for views with <c>[RequireAntiforgeryToken]</c>); its cookie is set on the response.
    /// </summary>
    private static ValueTask<FluidValue> CsrfToken(FunctionArguments arguments, TemplateContext context)
    {
        var http = CurrentScope.Current?.Http ?? throw OutsideContextException.Request("csrf_token()");
        var antiforgery = http.RequestServices.GetService(typeof(Microsoft.AspNetCore.Antiforgery.IAntiforgery)) as Microsoft.AspNetCore.Antiforgery.IAntiforgery
            ?? throw new InvalidOperationException("csrf_token() needs ASP.NET Core Antiforgery: add app.Services.AddAntiforgery() and app.Use(web => web.UseAntiforgery()).");
        var tokens = antiforgery.GetAndStoreTokens(http);
        var encoder = HtmlEscape.Instance;
        var field = $"<input type=\"hidden\" name=\"{encoder.Encode(tokens.FormFieldName)}\" value=\"{encoder.Encode(tokens.RequestToken ?? string.Empty)}\">";
        return new ValueTask<FluidValue>(StringValue.Create(field, encode: false));
    }

    private static ValueTask<FluidValue> UrlFor(FunctionArguments arguments, TemplateContext context)
    {
        if (arguments.Count == 0 || arguments.At(0).IsNil())
        {
            throw new ArgumentException("url_for needs an endpoint: url_for(\"index\").");
        }
        var endpoint = arguments.At(0).ToStringValue(context);
        // Flask's keywords (_anchor, _external, _scheme) go with the values: Url.For takes them from there.
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in arguments.Names)
        {
            var value = arguments[name];
            values[name] = name == "_external" ? value.ToBooleanValue(context) : value.Type switch
            {
                FluidValues.Number => value.ToNumberValue(context) is var number && number == decimal.Truncate(number) ? (object)(long)number : (double)number,
                FluidValues.Boolean => value.ToBooleanValue(context),
                FluidValues.Nil => null,
                _ => value.ToStringValue(context),
            };
        }
        return new ValueTask<FluidValue>(StringValue.Create(Url.For(endpoint, values)));
    }

    private static ValueTask<FluidValue> GetFlashedMessages(FunctionArguments arguments, TemplateContext context)
    {
        bool withCategories = arguments["with_categories"].ToBooleanValue(context);
        var filter = arguments["category_filter"] switch
        {
            ArrayValue array => array.Values.Select(v => v.ToStringValue(context)).ToArray(),
            var one when one.IsNil() => [],
            var one => [one.ToStringValue(context)],
        };
        var messages = Globals.GetFlashedMessagesWithCategories(filter);
        FluidValue result = withCategories
            ? ArrayValue.Create(messages.Select(m => (FluidValue)DictionaryValue.Create(new FluidValueDictionaryFluidIndexable(
                new Dictionary<string, FluidValue> { ["category"] = StringValue.Create(m.Category), ["message"] = StringValue.Create(m.Message) }))).ToList())
            : ArrayValue.Create(messages.Select(m => StringValue.Create(m.Message)).ToList());
        return new ValueTask<FluidValue>(result);
    }

    /// <summary>The current request as templates see it, with Flask's names (empty outside a request).</summary>
    internal sealed class RequestView
    {
        public static readonly RequestView Instance = new();

        private RequestView()
        {
        }

        public static object? Get(string name) => CurrentScope.Current?.Request is not { } request ? null : name.ToLowerInvariant() switch
        {
            "method" => request.Method,
            "path" => request.Path,
            "full_path" => request.FullPath,
            "url" => request.Url,
            "base_url" => request.BaseUrl,
            "url_root" or "host_url" => request.UrlRoot,
            "host" => request.Host,
            "scheme" => request.Scheme,
            "args" => new StringMap(key => request.Args.TryGetValue(key, out var v) ? v.ToString() : null),
            "form" => new StringMap(key => request.Form.TryGetValue(key, out var v) ? v.ToString() : null),
            "headers" => new StringMap(key => request.Headers.TryGetValue(key, out var v) ? v.ToString() : null),
            "cookies" => new StringMap(key => request.Cookies.TryGetValue(key, out var v) ? v : null),
            "remote_addr" => request.RemoteAddr,
            "is_json" => request.IsJson,
            "content_type" => request.ContentType,
            "endpoint" => request.Endpoint,
            "blueprint" => request.Blueprint,
            _ => null,
        };
    }

    /// <summary>
    /// Flask's template globals (<c>config</c>, <c>url_for</c>, <c>request</c>, <c>session</c>, <c>g</c>,
    /// <c>get_flashed_messages</c>, <c>csrf_token</c>, Jinja2's <c>True</c>/<c>False</c>/<c>None</c>) and the app's own
    /// (<see cref="App.AddTemplateGlobal"/>), by name ignoring case; the app's are read when used, so a changed object shows.
    /// </summary>
    internal sealed class GlobalsView(App app)
    {
        private readonly FluidValue config = ObjectValue.Create(new ConfigView(app.Config));

        public object? Get(string name) => name switch
        {
            "config" => config,
            "url_for" => UrlForFunction,
            "request" => RequestValue,
            "session" => SessionValue,
            "g" => GValue,
            "get_flashed_messages" => GetFlashedMessagesFunction,
            "csrf_token" => CsrfTokenFunction,
            "True" => BooleanValue.True,
            "False" => BooleanValue.False,
            "None" => NilValue.Instance,
            _ => app.TemplateGlobal(name) ?? OtherCase(name),
        };

        // URL_FOR, Request: the names as written in another case, as the render's own names are matched.
        private object? OtherCase(string name)
        {
            foreach (var known in Names)
            {
                if (known.Equals(name, StringComparison.OrdinalIgnoreCase) && known != name)
                {
                    return Get(known);
                }
            }
            return null;
        }

        private static readonly string[] Names = ["config", "url_for", "request", "session", "g", "get_flashed_messages", "csrf_token", "True", "False", "None"];
    }

    /// <summary>The current request's session as templates see it: read (and marked used) only when a template reads it.</summary>
    internal sealed class SessionView
    {
        public static readonly SessionView Instance = new();

        private SessionView()
        {
        }
    }

    /// <summary>The current context's <c>g</c> as templates see it.</summary>
    internal sealed class GView
    {
        public static readonly GView Instance = new();

        private GView()
        {
        }
    }

    /// <summary>Query values, form fields, headers or cookies by name.</summary>
    internal sealed class StringMap(Func<string, string?> lookup)
    {
        public string? this[string name] => lookup(name);
    }

    /// <summary>The app's configuration: <c>config.SITE_NAME</c>.</summary>
    internal sealed class ConfigView(IConfiguration config)
    {
        public IConfiguration Config { get; } = config;
    }
}
