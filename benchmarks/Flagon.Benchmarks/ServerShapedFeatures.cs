using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Flagon.Benchmarks;

/// <summary>
/// A request's features held the way Kestrel holds them: the request, the response, its body, the endpoint and the
/// route values in fields of one object that is itself the endpoint and route-values feature (Kestrel's
/// <c>HttpProtocol</c> lists those among its "always" features), anything else in a dictionary.
/// </summary>
/// <remarks>
/// <see cref="DefaultHttpContext"/>'s own <see cref="FeatureCollection"/> keeps every feature in a dictionary, so there
/// <c>HttpContext.SetEndpoint</c> and <c>GetEndpoint</c> are a dictionary lookup each (about 15 ns on the benchmark
/// machine); under Kestrel they read and write a field. The benchmarks over these features show a request's cost as a
/// server sees it; the ones over <see cref="DefaultHttpContext"/>'s collection are kept beside them.
/// </remarks>
internal sealed class ServerShapedFeatures : IFeatureCollection, IEndpointFeature, IRouteValuesFeature
{
    private readonly IHttpRequestFeature request = new HttpRequestFeature();
    private readonly IHttpResponseFeature response = new HttpResponseFeature();
    private readonly IHttpResponseBodyFeature body;
    private Dictionary<Type, object>? others;
    private RouteValueDictionary? routeValues;

    public ServerShapedFeatures(IHttpResponseBodyFeature body) => this.body = body;

    public bool IsReadOnly => false;

    public int Revision { get; private set; }

    public Endpoint? Endpoint { get; set; }

    public RouteValueDictionary RouteValues
    {
        get => routeValues ??= [];
        set => routeValues = value;
    }

    public object? this[Type key]
    {
        get => key == typeof(IHttpRequestFeature) ? request
            : key == typeof(IHttpResponseFeature) ? response
            : key == typeof(IHttpResponseBodyFeature) ? body
            : key == typeof(IEndpointFeature) || key == typeof(IRouteValuesFeature) ? this
            : others?.GetValueOrDefault(key);
        set
        {
            if (key == typeof(IEndpointFeature) || key == typeof(IRouteValuesFeature) || key == typeof(IHttpRequestFeature)
                || key == typeof(IHttpResponseFeature) || key == typeof(IHttpResponseBodyFeature))
            {
                throw new NotSupportedException($"{key.Name} is held in a field here, as a server holds it.");
            }
            others ??= [];
            if (value is null)
            {
                others.Remove(key);
            }
            else
            {
                others[key] = value;
            }
            Revision++;
        }
    }

    public TFeature? Get<TFeature>()
    {
        // Each branch is decided when the method is compiled for TFeature, as in Kestrel's generated collection.
        if (typeof(TFeature) == typeof(IHttpRequestFeature))
        {
            return (TFeature)request;
        }
        if (typeof(TFeature) == typeof(IHttpResponseFeature))
        {
            return (TFeature)response;
        }
        if (typeof(TFeature) == typeof(IHttpResponseBodyFeature))
        {
            return (TFeature)body;
        }
        if (typeof(TFeature) == typeof(IEndpointFeature) || typeof(TFeature) == typeof(IRouteValuesFeature))
        {
            return (TFeature)(object)this;
        }
        return others is not null && others.TryGetValue(typeof(TFeature), out var feature) ? (TFeature)feature : default;
    }

    public void Set<TFeature>(TFeature? instance) => this[typeof(TFeature)] = instance;

    public IEnumerator<KeyValuePair<Type, object>> GetEnumerator()
    {
        yield return new(typeof(IHttpRequestFeature), request);
        yield return new(typeof(IHttpResponseFeature), response);
        yield return new(typeof(IHttpResponseBodyFeature), body);
        yield return new(typeof(IEndpointFeature), this);
        yield return new(typeof(IRouteValuesFeature), this);
        foreach (var other in others ?? [])
        {
            yield return other;
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
