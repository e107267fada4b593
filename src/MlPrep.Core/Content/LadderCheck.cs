namespace MlPrep.Core.Content;

/// <summary>Checks that need every file: duplicate ids, links to missing questions, cycles in the follow-up ladder.</summary>
/// <remarks>The ladder is a directed graph with an edge from each question to its follow-ups and from each
/// prerequisite to the question that needs it. It must be acyclic: a question cannot come both before
/// and after another.</remarks>
internal static class LadderCheck
{
    public static void Run(IReadOnlyList<ParsedQuestion> files)
    {
        var firstById = new Dictionary<string, ParsedQuestion>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            if (file.Id is not { } id)
            {
                continue;
            }

            if (firstById.TryGetValue(id.Value, out var first))
            {
                file.Sink.Error(id.Line, id.Column, $"duplicate id '{id.Value}': {first.Sink.Path}:{first.Id!.Value.Line}:{first.Id.Value.Column} has it too; every question needs its own id");
            }
            else
            {
                firstById[id.Value] = file;
            }
        }

        foreach (var file in files.Where(f => f.Question is not null))
        {
            CheckExists(file.FollowUps, "follow-up", firstById, file.Sink);
            CheckExists(file.Prerequisites, "prerequisite", firstById, file.Sink);
        }

        ReportCycles(files.Where(f => f.Question is not null && !f.Sink.HasErrors).ToList());
        ReportIsolated(files);
    }

    /// <summary>Warns about questions that no ladder reaches: no links out and none in.</summary>
    private static void ReportIsolated(IReadOnlyList<ParsedQuestion> files)
    {
        var linked = new HashSet<string>(
            files.SelectMany(f => f.FollowUps.Concat(f.Prerequisites)).Select(r => r.Value),
            StringComparer.OrdinalIgnoreCase);
        foreach (var file in files.Where(f => f.Question is not null && f.FollowUps.Count == 0 && f.Prerequisites.Count == 0))
        {
            if (!linked.Contains(file.Question!.Id))
            {
                file.Sink.Warning(1, 1, "not on any follow-up ladder: no follow_ups or prerequisites, and no question links to it");
            }
        }
    }

    private static void CheckExists(IEnumerable<Located<string>> references, string what, Dictionary<string, ParsedQuestion> known, DiagnosticSink sink)
    {
        foreach (var reference in references)
        {
            if (!known.ContainsKey(reference.Value))
            {
                sink.Error(reference.Line, reference.Column, $"{what} '{reference.Value}' is not a question in the bank");
            }
        }
    }

    private static void ReportCycles(List<ParsedQuestion> valid)
    {
        var byId = valid.ToDictionary(f => f.Question!.Id, StringComparer.OrdinalIgnoreCase);
        var edges = valid.ToDictionary(f => f.Question!.Id, _ => new List<(string To, ParsedQuestion DeclaredIn, Located<string> At)>(), StringComparer.OrdinalIgnoreCase);
        foreach (var file in valid)
        {
            var id = file.Question!.Id;
            foreach (var next in file.FollowUps.Where(f => byId.ContainsKey(f.Value)))
            {
                edges[id].Add((byId[next.Value].Question!.Id, file, next));
            }

            foreach (var before in file.Prerequisites.Where(p => byId.ContainsKey(p.Value)))
            {
                edges[byId[before.Value].Question!.Id].Add((id, file, before));
            }
        }

        foreach (var component in StronglyConnected(edges).Where(c => c.Count > 1))
        {
            var start = component.Min(IdComparer.Instance)!;
            var path = PathBack(start, component, edges);
            var (_, declaredIn, at) = edges[start].First(e => e.To == path[1]);
            declaredIn.Sink.Error(at.Line, at.Column, $"follow-up cycle: {string.Join(" -> ", path)}; a question cannot come both before and after another");
        }
    }

    /// <summary>Tarjan's algorithm; iterative so a long ladder cannot overflow the stack.</summary>
    private static List<HashSet<string>> StronglyConnected(Dictionary<string, List<(string To, ParsedQuestion, Located<string>)>> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var low = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var onStack = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var stack = new Stack<string>();
        var result = new List<HashSet<string>>();
        var counter = 0;
        foreach (var root in edges.Keys.Order(IdComparer.Instance))
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            var work = new Stack<(string Node, int Next)>();
            work.Push((root, 0));
            index[root] = low[root] = counter++;
            stack.Push(root);
            onStack.Add(root);
            while (work.Count > 0)
            {
                var (node, next) = work.Pop();
                if (next < edges[node].Count)
                {
                    work.Push((node, next + 1));
                    var to = edges[node][next].To;
                    if (!index.ContainsKey(to))
                    {
                        index[to] = low[to] = counter++;
                        stack.Push(to);
                        onStack.Add(to);
                        work.Push((to, 0));
                    }
                    else if (onStack.Contains(to))
                    {
                        low[node] = Math.Min(low[node], index[to]);
                    }

                    continue;
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }

                if (low[node] == index[node])
                {
                    var component = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (!string.Equals(member, node, StringComparison.OrdinalIgnoreCase));
                    result.Add(component);
                }
            }
        }

        return result;
    }

    /// <summary>A shortest path from <paramref name="start"/> back to itself inside one component, e.g. [A, B, A].</summary>
    private static List<string> PathBack(string start, HashSet<string> component, Dictionary<string, List<(string To, ParsedQuestion, Located<string>)>> edges)
    {
        var cameFrom = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var (to, _, _) in edges[node].Where(e => component.Contains(e.To)))
            {
                if (string.Equals(to, start, StringComparison.OrdinalIgnoreCase))
                {
                    var path = new List<string> { start };
                    for (var at = node; !string.Equals(at, start, StringComparison.OrdinalIgnoreCase); at = cameFrom[at])
                    {
                        path.Insert(1, at);
                    }

                    path.Add(start);
                    return path;
                }

                if (cameFrom.TryAdd(to, node))
                {
                    queue.Enqueue(to);
                }
            }
        }

        return [start, start];
    }
}
