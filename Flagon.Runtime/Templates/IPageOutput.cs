using Fluid;

namespace Flagon.Templates;

/// <summary>
/// A template output a whole page is rendered into and that is kept for the thread's next render: how much room it
/// holds (a large page's output is not kept) and how to empty it.
/// </summary>
internal interface IPageOutput : IFluidOutput
{
    /// <summary>How much the output holds room for.</summary>
    int Capacity { get; }

    /// <summary>Forgets what was written, after a render that failed too.</summary>
    void Reset();
}
