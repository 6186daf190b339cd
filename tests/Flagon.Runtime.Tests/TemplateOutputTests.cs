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

        Assert.Equal("[" + string.Concat(Enumerable.Repeat("&lt;b&gt;&amp;&#39;&#34;", 300)) + "]", text);
    }

    [Fact]
    public void A_utf8_output_encodes_text_written_in_pieces_with_a_surrogate_pair_split_between_two_writes()
    {
        var output = new Utf8Output();
        var text = "café 😀 лошадь " + new string('x', 3000);   // longer than the first buffer

        output.Write(text[..5]);
        output.Write(text[5..6]);                       // the pair's high surrogate alone
        output.Write(text.ToCharArray(), 6, 1);         // and its low one
        var span = output.GetSpan(text.Length);
        text.AsSpan(7).CopyTo(span);
        output.Advance(text.Length - 7);

        Assert.Equal(Encoding.UTF8.GetBytes(text), output.ToArray());
        output.Reset();
        output.Write("again");
        Assert.Equal("again"u8.ToArray(), output.ToArray());
    }

    [Fact]
    public void A_utf8_output_encodes_a_surrogate_pair_that_straddles_the_end_of_its_character_buffer()
    {
        var output = new Utf8Output();
        var text = new string('a', 4095) + "😀" + new string('é', 5000);   // the pair's halves at 4095 and 4096

        output.Write(text);

        Assert.Equal(Encoding.UTF8.GetBytes(text), output.ToArray());
    }

    [Fact]
    public void A_utf8_output_reset_after_a_failed_render_forgets_the_half_written_page_and_a_dangling_surrogate()
    {
        var output = new Utf8Output();
        output.Write("half a page \uD83D");

        output.Reset();
        output.Write("new");

        Assert.Equal("new"u8.ToArray(), output.ToArray());
    }

    [Fact]
    public void A_rendered_page_is_sent_as_its_utf8_bytes_and_reads_back_as_the_same_text()
    {
        var app = new OutputApp();
        using var context = app.AppContext();

        var response = Template.RenderString("<p>{{ word }} {{ face }}</p>", new { word = "лошадь & café", face = "😀" });

        Assert.Equal("<p>лошадь &amp; café 😀</p>", response.Text);
        Assert.Equal(Encoding.UTF8.GetBytes("<p>лошадь &amp; café 😀</p>"), response.Body.ToArray());
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
    }
}
