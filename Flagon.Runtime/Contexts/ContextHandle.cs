namespace Flagon.Contexts;

/// <summary>Pushes and pops one <see cref="Scope"/>, restoring the one below it, as Flask's context stacks do.</summary>
internal sealed class ContextHandle
{
    private readonly Scope scope;
    private Scope? below;
    private bool pushed;

    /// <summary>Makes the handle and pushes the scope (a <c>using</c> block needs it pushed when made).</summary>
    public ContextHandle(Scope scope)
    {
        this.scope = scope;
        Push();
    }

    public Scope Scope => scope;

    public void Push()
    {
        if (pushed)
        {
            return;
        }
        below = CurrentScope.Current;
        CurrentScope.Current = scope;
        pushed = true;
    }

    public void Pop()
    {
        if (!pushed)
        {
            return;
        }
        if (!ReferenceEquals(CurrentScope.Current, scope))
        {
            throw new InvalidOperationException("Popped the wrong context: pop contexts in the reverse order they were pushed.");
        }
        try
        {
            if (scope.Http is not null)
            {
                // A request context pushed by hand: popping it ends its request, as Flask's ctx.pop() does.
                scope.App.TeardownPoppedRequest();
            }
            scope.App.TeardownAppContext(scope);
        }
        finally
        {
            CurrentScope.Current = below;
            pushed = false;
        }
    }
}
