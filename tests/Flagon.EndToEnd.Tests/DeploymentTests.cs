using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Flagon.EndToEnd.Tests;

/// <summary>
/// docs/deployment.md's configurations, as written: the publish command, the Procfile line, the systemd unit and the
/// nginx server block. The test changes only ports and folders (/srv/realworld becomes a temporary publish folder,
/// /var/lib/realworld a temporary data folder, 5000 and 80 free loopback ports) and then runs them against the
/// real-world sample.
/// </summary>
[Collection(RepositoryBuilds.Name)]
public sealed partial class DeploymentTests(DeploymentTests.Published site) : IClassFixture<DeploymentTests.Published>
{
    private static readonly string Page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "deployment.md"));

    private static string Block(string language) =>
        Regex.Match(Page, $"```{language}\n(.*?)\n```", RegexOptions.Singleline) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException($"docs/deployment.md has no {language} block");

    [Fact]
    public void The_publish_command_writes_the_app_with_its_templates_static_files_and_settings()
    {
        Assert.StartsWith("dotnet publish samples/RealWorld -c Release -o /srv/realworld", Block("sh"));
        foreach (var path in new[] { "RealWorld.dll", "appsettings.json", "templates/layout.html", "static/style.css" })
        {
            Assert.True(File.Exists(Path.Combine(site.Folder, path)), path);
        }
    }

    [Fact]
    public async Task The_Procfile_line_serves_on_the_port_it_is_given()
    {
        var line = Block("procfile");
        Assert.StartsWith("web: ", line);
        int port = FreePort.Next();
        await using var web = Started.Bash(line["web: ".Length..], site.Folder, new() { ["PORT"] = $"{port}", ["INSTANCE_PATH"] = site.NewDataFolder() });

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var home = await web.WaitForAsync(client, "/");
        Assert.Contains("Flagon real world", home);
    }

    [Fact]
    public async Task The_systemd_unit_verifies_and_its_command_and_environment_serve_with_the_shared_key_ring()
    {
        await SystemPackages.RequireAsync("systemd");
        var data = site.NewDataFolder();
        int port = FreePort.Next();
        var unit = Block("ini")
            .Replace("/srv/realworld", site.Folder)
            .Replace("/var/lib/realworld", data)
            .Replace("/usr/bin/dotnet", DotnetPath())
            .Replace("127.0.0.1:5000", $"127.0.0.1:{port}");
        var file = Path.Combine(data, "realworld.service");
        File.WriteAllText(file, unit);

        // systemd's own check of the unit: it prints nothing when every line is understood.
        var verdict = await DotnetCommand.RunProgramAsync("systemd-analyze", data, TimeSpan.FromMinutes(1), "verify", file);
        Assert.Equal("", verdict.Trim());

        // What systemd would run: ExecStart in WorkingDirectory with the Environment= lines.
        string Setting(string name) => Regex.Match(unit, $"^{name}=(.*)$", RegexOptions.Multiline).Groups[1].Value;
        var environment = Regex.Matches(unit, "^Environment=([^=]+)=(.*)$", RegexOptions.Multiline).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        await using var service = Started.Bash(Setting("ExecStart"), Setting("WorkingDirectory"), environment);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var login = await service.WaitForAsync(client, "/admin/login");

        Assert.Contains("__RequestVerificationToken", login);
        Assert.NotEmpty(Directory.GetFiles(environment["DATA_PROTECTION_KEYS"], "key-*.xml"));
        Assert.True(File.Exists(Path.Combine(environment["INSTANCE_PATH"], "realworld.db")));
    }

    [Fact]
    public async Task Behind_the_nginx_block_pages_redirects_and_static_files_are_right()
    {
        await SystemPackages.RequireAsync("nginx");
        int appPort = FreePort.Next(), proxyPort = FreePort.Next();
        var data = site.NewDataFolder();
        await using var app = Started.Bash($"dotnet RealWorld.dll --urls http://127.0.0.1:{appPort}", site.Folder, new() { ["INSTANCE_PATH"] = data });
        using (var direct = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{appPort}") })
        {
            await app.WaitForAsync(direct, "/");
        }

        var server = Block("nginx")
            .Replace("listen 80;", $"listen 127.0.0.1:{proxyPort};")
            .Replace("/srv/realworld/", site.Folder + "/")
            .Replace("127.0.0.1:5000", $"127.0.0.1:{appPort}");
        // The documented server block, in a minimal nginx.conf of its own.
        await using var nginx = StartNginx(data, "include /etc/nginx/mime.types;\n" + server);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{proxyPort}") };

        var home = await nginx.WaitForAsync(client, "/");
        Assert.Contains("Flagon real world", home);

        // The login redirect is absolute: it must name the proxy's address, not Kestrel's.
        using var locked = await client.GetAsync("/admin/");
        Assert.Equal(HttpStatusCode.Found, locked.StatusCode);
        Assert.StartsWith($"http://127.0.0.1:{proxyPort}/admin/login", locked.Headers.Location!.ToString());

        // Static files come from nginx itself (its expiry header), with the app's bytes.
        using var css = await client.GetAsync("/static/style.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), css.Headers.CacheControl?.MaxAge);
        Assert.Equal(File.ReadAllBytes(Path.Combine(site.Folder, "static", "style.css")), await css.Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// Two instances of the sample behind one nginx upstream, sharing the data folder (the SQLite database) and the
    /// key ring: a login and a page made through one are good through the other, and when one instance dies mid-run,
    /// nginx sends the requests it can retry to the other: none fails, no session or row is lost.
    /// </summary>
    [Fact]
    public async Task Two_instances_behind_nginx_share_the_login_and_the_rows_and_one_dying_fails_no_request()
    {
        await SystemPackages.RequireAsync("nginx");
        var data = site.NewDataFolder();
        var environment = new Dictionary<string, string> { ["INSTANCE_PATH"] = data, ["DATA_PROTECTION_KEYS"] = Path.Combine(data, "keys") };
        const string Password = "a long enough password";
        await DotnetCommand.RunProgramAsync("bash", site.Folder, TimeSpan.FromMinutes(2), "-e", "-c",
            $"INSTANCE_PATH='{data}' DATA_PROTECTION_KEYS='{environment["DATA_PROTECTION_KEYS"]}' dotnet RealWorld.dll create-user --username ada --password '{Password}'");

        int portA = FreePort.Next(), portB = FreePort.Next(), proxyPort = FreePort.Next();
        await using var a = Started.Bash($"dotnet RealWorld.dll --urls http://127.0.0.1:{portA}", site.Folder, environment);
        await using var b = Started.Bash($"dotnet RealWorld.dll --urls http://127.0.0.1:{portB}", site.Folder, environment);
        using (var direct = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{portA}") })
        {
            await a.WaitForAsync(direct, "/");
        }
        using (var direct = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{portB}") })
        {
            await b.WaitForAsync(direct, "/");
        }

        await using var nginx = StartNginx(data, $$"""
            upstream realworld {
                server 127.0.0.1:{{portA}} max_fails=1 fail_timeout=30s;
                server 127.0.0.1:{{portB}} max_fails=1 fail_timeout=30s;
            }
            server {
                listen 127.0.0.1:{{proxyPort}};
                location / {
                    proxy_pass http://realworld;
                    proxy_next_upstream error timeout;
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    add_header X-Upstream $upstream_addr always;
                }
            }
            """);
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri($"http://127.0.0.1:{proxyPort}") };
        await nginx.WaitForAsync(client, "/");

        async Task<string> Token(string path)
        {
            var page = await client.GetStringAsync(path);
            return Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        }

        // Log in and write a page, each step through whichever instance nginx picks.
        using (var login = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["username"] = "ada", ["password"] = Password, ["next"] = "", ["__RequestVerificationToken"] = await Token("/admin/login") })))
        {
            Assert.Equal(HttpStatusCode.Found, login.StatusCode);
        }
        using (var created = await client.PostAsync("/admin/pages/new", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["title"] = "Shared", ["body"] = "written once, read twice", ["__RequestVerificationToken"] = await Token("/admin/pages/new") })))
        {
            Assert.Equal(HttpStatusCode.Found, created.StatusCode);
        }

        // Both instances answer for the login and see the row.
        var upstreams = new HashSet<string>();
        var readers = new HashSet<string>();
        for (int i = 0; i < 6; i++)
        {
            using var admin = await client.GetAsync("/admin/");
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
            upstreams.Add(admin.Headers.GetValues("X-Upstream").Single());
        }
        for (int i = 0; i < 6; i++)
        {
            using var home = await client.GetAsync("/");
            Assert.Contains("Shared", await home.Content.ReadAsStringAsync());
            readers.Add(home.Headers.GetValues("X-Upstream").Single());
        }
        Assert.Equal(2, upstreams.Count);
        Assert.Equal(2, readers.Count);

        // One instance dies mid-run: every request (GETs, which nginx may retry) is still answered, by the other.
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        var load = Task.Run(async () =>
        {
            for (int i = 0; i < 300; i++)
            {
                using var response = await client.GetAsync(i % 2 == 0 ? "/" : "/admin/");
                statuses.Add(response.StatusCode);
            }
        });
        while (statuses.Count < 50)
        {
            await Task.Delay(10);
        }
        await a.DisposeAsync();   // killed, not stopped
        int beforeKill = statuses.Count;
        await load;

        Assert.True(beforeKill < 300, $"the load had ended ({beforeKill} requests) before the instance was killed");
        Assert.Equal(300, statuses.Count);
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        using var after = await client.GetAsync("/admin/");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal($"127.0.0.1:{portB}", after.Headers.GetValues("X-Upstream").Single());
        Assert.Contains("Shared", await client.GetStringAsync("/"));
    }

    // nginx in the foreground with a minimal nginx.conf of its own in <data>/nginx (pid, logs, temporary files there),
    // its http block holding <paramref name="http"/>; killed with the test.
    private static Started StartNginx(string data, string http)
    {
        var prefix = Path.Combine(data, "nginx");
        Directory.CreateDirectory(prefix);
        File.WriteAllText(Path.Combine(prefix, "nginx.conf"), $$"""
            user root;
            daemon off;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log;
            events {}
            http {
                access_log {{prefix}}/access.log;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
            {{http}}
            }
            """);
        return Started.Program("/usr/sbin/nginx", prefix, new(), "-p", prefix, "-c", Path.Combine(prefix, "nginx.conf"));
    }

    private static string DotnetPath() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "/usr/bin/dotnet";

    /// <summary>The sample published once by the page's publish command into a temporary /srv/realworld.</summary>
    public sealed class Published : IAsyncLifetime
    {
        private readonly string root = Directory.CreateTempSubdirectory("flagon-deploy-").FullName;
        private int folders;

        public string Folder => Path.Combine(root, "srv-realworld");

        public string NewDataFolder() => Directory.CreateDirectory(Path.Combine(root, $"var-lib-realworld-{Interlocked.Increment(ref folders)}")).FullName;

        public async Task InitializeAsync()
        {
            var command = Block("sh").Split('\n')[0].Replace("/srv/realworld", Folder);
            await DotnetCommand.RunProgramAsync("bash", Repository.Root, TimeSpan.FromMinutes(5), "-e", "-c", command);
        }

        public Task DisposeAsync()
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
            return Task.CompletedTask;
        }
    }

    /// <summary>A process started for one test (its output kept for the failure message), killed with its children at the end.</summary>
    private sealed class Started : IAsyncDisposable
    {
        private readonly Process process;
        private readonly System.Text.StringBuilder output = new();

        private Started(Process process)
        {
            this.process = process;
            process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        /// <summary>Runs a shell command line (exec'd, so killing it kills the server).</summary>
        public static Started Bash(string command, string directory, Dictionary<string, string> environment) =>
            Program("bash", directory, environment, "-c", "exec " + command);

        public static Started Program(string program, string directory, Dictionary<string, string> environment, params string[] arguments)
        {
            var info = new ProcessStartInfo(program)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments) info.ArgumentList.Add(argument);
            DotnetCommand.Clean(info);
            foreach (var (name, value) in environment) info.Environment[name] = value;
            return new Started(Process.Start(info)!);
        }

        /// <summary>Asks for <paramref name="path"/> until it answers 200 (60 s at most) and returns the body.</summary>
        public async Task<string> WaitForAsync(HttpClient client, string path)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"The process exited with {process.ExitCode}:\n{Output}");
                try
                {
                    using var response = await client.GetAsync(path);
                    if (response.StatusCode == HttpStatusCode.OK) return await response.Content.ReadAsStringAsync();
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"{path} did not answer 200 in 60 s:\n{Output}");
                await Task.Delay(200);
            }
        }

        private string Output
        {
            get
            {
                lock (output) return output.ToString();
            }
        }

        private bool disposed;

        /// <summary>Kills the process (and its children); a second call does nothing (a test may kill it early).</summary>
        public async ValueTask DisposeAsync()
        {
            if (disposed)
            {
                return;
            }
            disposed = true;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
    }
}
