using System.Text;
using Flagon.Routing;
using Flagon.Templates;

namespace Flagon.Runtime.Tests;

/// <summary>
/// The outputs Flagon's templates write into (Fluid's <c>IFluidOutput</c>, a <c>IBufferWriter&lt;char&gt;</c>): text
/// written as strings, as spans and as memory held across an await all land in order.
/// </summary>
public class TemplateOutputTests
{
    private sealed class OutputApp() : App([], RouteTableRegistry.Tables);

    [Fact]
    public async Task A_string_output_keeps_what_is_written_as_strings_arrays_spans_and_memory_in_order()
    {
        var output = new StringOutput();

        output.Write("ab");
        output.Write(['x', 'c', 'd', 'y'], 1, 2);
        var span = output.GetSpan(600);
        Assert.True(span.Length >= 600);
        new string('e', 600).AsSpan().CopyTo(span);
        output.Advance(600);
        var memory = output.GetMemory();
        "fg".AsSpan().CopyTo(memory.Span);
        await Task.Yield();          // memory may be held across an await, while other outputs write on this thread
        var other = new StringOutput();
        "zz".AsSpan().CopyTo(other.GetSpan());
        other.Advance(2);
        output.Advance(2);
        output.GetSpan();
        output.Advance(0);

        Assert.Equal("abcd" + new string('e', 600) + "fg", output.ToString());
        Assert.Equal("zz", other.ToString());
    }

    [Fact]
    public void A_string_output_appends_to_the_builder_it_was_given()
    {
        var builder = new StringBuilder("<");
        var output = new StringOutput(builder);

        output.Write("p>");

        Assert.Same(builder, output.Builder);
        Assert.Equal("<p>", builder.ToString());
    }

    [Fact]
    public void The_null_output_hands_out_room_and_keeps_nothing()
    {
        var span = NullOutput.Instance.GetSpan(5000);
        Assert.True(span.Length >= 5000);
        NullOutput.Instance.Advance(5000);
        Assert.True(NullOutput.Instance.GetMemory(10).Length >= 10);
        Assert.True(NullOutput.Instance.FlushAsync().IsCompletedSuccessfully);
    }

    [Fact]
    public void Long_escaped_text_written_by_a_macro_comes_out_whole()
    {
        var app = new OutputApp();
        using var context = app.AppContext();
        var value = string.Concat(Enumerable.Repeat("<b>&'\"", 300));

        var text = Template.RenderString("{% macro show(v) %}[{{ v }}]{% endmacro %}{{ show(value) }}", new { value }).Text;

        Assert.Equal("[" + string.Concat(Enumerable.Repeat("&lt;b&gt;&amp;&#x27;&quot;", 300)) + "]", text);
    }
}
