using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Fluid;

namespace Flagon.Templates;

/// <summary>
/// Member accessors for the types templates read, registered by generated code (one call per type found in the
/// models of <c>Template.Render</c> calls) and given to every app's Fluid options: templates read those members
/// through delegates, without reflection, so they work under Native AOT too.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TemplateModelRegistry
{
    private static readonly List<Action<MemberAccessStrategy>> Registrations = [];

    /// <summary>Registers <typeparamref name="T"/>'s members for templates.</summary>
    /// <param name="members">Each member's name and how to read it.</param>
    public static void Register<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)] T>(params (string Name, Func<T, object?> Get)[] members)
    {
        Members<T>.Getters = members;
        lock (Registrations)
        {
            Registrations.Add(strategy =>
            {
                foreach (var (name, get) in members)
                {
                    strategy.Register<T, object?>(name, get);
                }
            });
        }
    }

    /// <summary>The generated getters of <typeparamref name="T"/>'s members, or null when none were registered.</summary>
    internal static (string Name, Func<T, object?> Get)[]? MembersOf<T>() => Members<T>.Getters;

    private static class Members<T>
    {
        public static (string Name, Func<T, object?> Get)[]? Getters;
    }

    /// <summary>Applies every registration to <paramref name="strategy"/>.</summary>
    internal static void ApplyTo(MemberAccessStrategy strategy)
    {
        lock (Registrations)
        {
            foreach (var registration in Registrations)
            {
                registration(strategy);
            }
        }
    }
}
