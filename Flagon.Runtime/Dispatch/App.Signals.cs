using System.Diagnostics;

namespace Flagon;

// Flask's signals (flask/signals.py) as .NET events of the app, raised by the dispatch chain in Flask's order:
// RequestStarted, (TemplateRendered, MessageFlashed while the view runs), GotRequestException when nothing handled an
// exception, RequestFinished with the final response, RequestTearingDown, AppContextTearingDown. Handlers run on the
// request's flow, inside its context; an exception in one ends the request as the step that raised it would.
public partial class App
{
    /// <summary>The source of Flagon's request spans (<c>Flagon</c>): one per request, named after its endpoint, for OpenTelemetry.</summary>
    public static readonly ActivitySource ActivitySource = new("Flagon");

    /// <summary>A request started, before the before-request hooks (Flask's <c>request_started</c>).</summary>
    public event EventHandler? RequestStarted;

    /// <summary>The response is final, before it is written (Flask's <c>request_finished</c>).</summary>
    public event EventHandler<Response>? RequestFinished;

    /// <summary>An exception no handler took, before the 500 answer (Flask's <c>got_request_exception</c>).</summary>
    public event EventHandler<Exception>? GotRequestException;

    /// <summary>The request's teardown hooks ran (Flask's <c>request_tearing_down</c>), with the exception no handler took.</summary>
    public event EventHandler<Exception?>? RequestTearingDown;

    /// <summary>An app context of this app ends (Flask's <c>appcontext_tearing_down</c>), with the exception that ended it.</summary>
    public event EventHandler<Exception?>? AppContextTearingDown;

    /// <summary>A template was rendered (Flask's <c>template_rendered</c>): its name.</summary>
    public event EventHandler<string>? TemplateRendered;

    /// <summary>A message was flashed (Flask's <c>message_flashed</c>).</summary>
    public event EventHandler<Sessions.FlashedMessage>? MessageFlashed;

    internal void OnTemplateRendered(string name) => TemplateRendered?.Invoke(this, name);

    internal void OnMessageFlashed(Sessions.FlashedMessage message) => MessageFlashed?.Invoke(this, message);

    internal void OnAppContextTearingDown(Exception? error) => RaiseRobustly(AppContextTearingDown, error, "appcontext_tearing_down");
}
