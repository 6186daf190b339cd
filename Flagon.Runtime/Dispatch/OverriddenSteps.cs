namespace Flagon.Dispatch;

/// <summary>
/// Which of the dispatch chain's protected virtual steps a subclass of <see cref="App"/> overrides, found once when the
/// app is made. A step that is not overridden is called directly with the request's context, without looking the
/// context up again or a virtual call (most apps override none); an overridden one is always called.
/// </summary>
internal readonly struct OverriddenSteps
{
    /// <summary>Reads the steps from delegates to them, made on the app (each binds its most derived override).</summary>
    public OverriddenSteps(Delegate fullDispatch, Delegate preprocess, Delegate dispatch, Delegate processResponse, Delegate teardown)
    {
        FullDispatch = Overrides(fullDispatch);
        Preprocess = Overrides(preprocess);
        Dispatch = Overrides(dispatch);
        ProcessResponse = Overrides(processResponse);
        Teardown = Overrides(teardown);
    }

    /// <summary>FullDispatchRequestAsync (Flask's full_dispatch_request).</summary>
    public bool FullDispatch { get; }

    /// <summary>PreprocessRequestAsync (Flask's preprocess_request).</summary>
    public bool Preprocess { get; }

    /// <summary>DispatchRequestAsync (Flask's dispatch_request).</summary>
    public bool Dispatch { get; }

    /// <summary>ProcessResponseAsync (Flask's process_response).</summary>
    public bool ProcessResponse { get; }

    /// <summary>DoTeardownRequestAsync (Flask's do_teardown_request).</summary>
    public bool Teardown { get; }

    private static bool Overrides(Delegate step) => step.Method.DeclaringType != typeof(App);
}
