using System.Text.Json.Serialization;

namespace Flagon.Sessions;

/// <summary>Source-generated JSON for the session cookie: trim- and AOT-safe.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class SessionJsonContext : JsonSerializerContext;
