namespace Flagon.Sessions;

/// <summary>A message flashed in one request for a later one (Flask's <c>flash(message, category)</c>).</summary>
/// <param name="Category">Its category: <c>message</c> by default, often <c>error</c>, <c>info</c> or <c>warning</c>.</param>
/// <param name="Message">The text.</param>
public readonly record struct FlashedMessage(string Category, string Message);
