using System.Text.Json.Serialization;

namespace Flagon.Sessions;

/// <summary>Source-generated JSON for the session cookie and its flashed messages: trim- and AOT-safe.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<string[]>))]
internal sealed partial class SessionJsonContext : JsonSerializerContext;
