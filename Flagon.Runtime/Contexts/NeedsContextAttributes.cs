namespace Flagon;

/// <summary>
/// Says that a member works only inside a request (it reads <c>Request</c>, <c>Session</c> or calls something that
/// does). Flagon's analyzer warns (FLG0201) where such a member is used from code that may run outside a request,
/// and accepts it inside views, error handlers, hooks, template functions, <c>using (app.TestRequestContext(…))</c>
/// blocks, after <c>if (Globals.HasRequestContext)</c>, and inside other members marked with this attribute, whose
/// callers then carry the requirement, as <c>[RequiresUnreferencedCode]</c> does for trimming.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Constructor | AttributeTargets.Class, Inherited = false)]
public sealed class NeedsRequestContextAttribute : Attribute;

/// <summary>
/// Says that a member works only inside an app context (it reads <c>CurrentApp</c> or <c>G</c>, builds URLs, renders
/// templates). A request context is an app context too. The analyzer warns (FLG0202) where it is used from code
/// that may run outside one; <c>using (app.AppContext())</c> and <c>if (Globals.HasAppContext)</c> provide one.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Constructor | AttributeTargets.Class, Inherited = false)]
public sealed class NeedsAppContextAttribute : Attribute;
