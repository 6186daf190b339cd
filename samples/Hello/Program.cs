// The seed's app.py, in Flagon:
//
//     from flask import Flask
//     app = Flask(__name__)
//
//     @app.route('/')
//     def hello():
//         return 'Hello, world!'
//
//     if __name__ == '__main__':
//         app.run()
using Flagon;

var app = new App(args);
app.Run();

static partial class Views
{
    [Route("/")]
    public static string Hello() => "Hello, world!";
}
