using TrackSim.Server;

namespace TrackSim.Tests.Server;

/// <summary>The server's run queue: places under way, a bounded line in order of arrival, one place per client.</summary>
[TestFixture]
public sealed class RunQueueTests
{
    [Test]
    public void Runs_start_at_once_while_there_are_places_then_wait_in_line()
    {
        var queue = new RunQueue(maxRunning: 2, maxWaiting: 3);
        var a = queue.Enter("a", CancellationToken.None);
        var b = queue.Enter("b", CancellationToken.None);
        var c = queue.Enter("c", CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(a.Place!.IsCompletedSuccessfully, Is.True);
            Assert.That(b.Place!.IsCompletedSuccessfully, Is.True);
            Assert.That(c.Refusal, Is.EqualTo(QueueRefusal.None));
            Assert.That(c.Place!.IsCompleted, Is.False, "the third waits");
            Assert.That((queue.Running, queue.Waiting), Is.EqualTo((2, 1)));
        }
    }

    [Test]
    public async Task A_place_that_is_freed_goes_to_the_run_that_waited_longest()
    {
        var queue = new RunQueue(maxRunning: 1, maxWaiting: 3);
        var first = await queue.Enter("a", CancellationToken.None).Place!;
        var second = queue.Enter("b", CancellationToken.None).Place!;
        var third = queue.Enter("c", CancellationToken.None).Place!;

        first.Dispose();
        var given = await second.WaitAsync(TimeSpan.FromSeconds(5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(third.IsCompleted, Is.False, "the later one still waits");
            Assert.That((queue.Running, queue.Waiting), Is.EqualTo((1, 1)));
        }

        given.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.That((queue.Running, queue.Waiting), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task A_client_with_a_run_under_way_or_waiting_is_refused_another_until_it_ends()
    {
        var queue = new RunQueue(maxRunning: 1, maxWaiting: 5);
        var running = await queue.Enter("a", CancellationToken.None).Place!;
        var waiting = queue.Enter("b", CancellationToken.None).Place!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(queue.Enter("a", CancellationToken.None).Refusal, Is.EqualTo(QueueRefusal.ClientBusy), "under way");
            Assert.That(queue.Enter("b", CancellationToken.None).Refusal, Is.EqualTo(QueueRefusal.ClientBusy), "waiting");
            Assert.That(queue.Waiting, Is.EqualTo(1), "the refused ones took no place");
        }

        running.Dispose();
        var again = queue.Enter("a", CancellationToken.None);
        Assert.That(again.Refusal, Is.EqualTo(QueueRefusal.None), "once its run ended, the client may ask again");
        (await waiting).Dispose();
        (await again.Place!).Dispose();
    }

    [Test]
    public void A_full_line_refuses_further_runs()
    {
        var queue = new RunQueue(maxRunning: 2, maxWaiting: 3);
        var entries = Enumerable.Range(0, 5).Select(i => queue.Enter($"client-{i}", CancellationToken.None)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entries.Select(e => e.Refusal), Has.All.EqualTo(QueueRefusal.None));
            Assert.That(queue.Enter("client-5", CancellationToken.None), Is.EqualTo(new QueueEntry(QueueRefusal.Full, null)));
            Assert.That((queue.Running, queue.Waiting), Is.EqualTo((2, 3)));
        }
    }

    [Test]
    public async Task A_client_that_leaves_while_waiting_leaves_the_line_and_the_next_one_moves_up()
    {
        var queue = new RunQueue(maxRunning: 1, maxWaiting: 3);
        var running = await queue.Enter("a", CancellationToken.None).Place!;
        using var leaves = new CancellationTokenSource();
        var gone = queue.Enter("b", leaves.Token).Place!;
        var stays = queue.Enter("c", CancellationToken.None).Place!;

        await leaves.CancelAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gone.IsCanceled, Is.True);
            Assert.That(queue.Waiting, Is.EqualTo(1));
            Assert.That(queue.Enter("b", CancellationToken.None).Refusal, Is.EqualTo(QueueRefusal.None), "the client that left may ask again");
        }

        running.Dispose();
        var next = await stays.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(next, Is.Not.Null, "the place went to the run behind the one that left");
    }

    [Test]
    public async Task Disposing_a_place_twice_frees_it_once()
    {
        var queue = new RunQueue(maxRunning: 1, maxWaiting: 0);
        var place = await queue.Enter("a", CancellationToken.None).Place!;
        place.Dispose();
        var other = await queue.Enter("b", CancellationToken.None).Place!;
        place.Dispose();

        Assert.That(queue.Enter("c", CancellationToken.None).Refusal, Is.EqualTo(QueueRefusal.Full), "b still holds the only place");
        other.Dispose();
    }

    [Test]
    public async Task Many_clients_at_once_all_run_and_never_more_than_the_places_at_a_time()
    {
        var queue = new RunQueue(maxRunning: 2, maxWaiting: 64);
        int running = 0, most = 0;
        var runs = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var entry = queue.Enter($"client-{i}", CancellationToken.None);
            using (await entry.Place!)
            {
                int now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                await Task.Delay(2);
                Interlocked.Decrement(ref running);
            }
        }));

        await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(most, Is.InRange(1, 2));
            Assert.That((queue.Running, queue.Waiting), Is.EqualTo((0, 0)));
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
