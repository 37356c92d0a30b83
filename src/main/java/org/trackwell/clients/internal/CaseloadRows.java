package org.trackwell.clients.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.trackwell.clients.CaseloadFilter;
import org.trackwell.clients.ClientSummary;
import org.trackwell.clients.EpisodeStage;
import org.trackwell.clients.PseudonymCode;
import org.trackwell.clients.RiskLevel;

/** The SQL of the lists of clients: a user's caseload, page by page, and a team's figures. */
@Repository
public class CaseloadRows {

    /** Where a client stands in the caseload's order (newest first): where the next page starts. */
    public record Position(Instant createdAt, UUID id) {}

    /**
     * The page is chosen first, walking the clients in the caseload's order (newest first) or back
     * from a client (oldest first), with episodes tested by indexed semi-joins; only that page is
     * then joined with its current episode, and shown newest first.
     */
    private static final String PAGE = """
            select c.id, c.code, c.team_id, c.risk_level, c.erased_at, c.erased_by_request, e.id as episode_id,
              e.stage, e.closed_on
            from (select c.id, c.code, c.team_id, c.risk_level, c.created_at, c.erased_at, c.erased_by_request
                  from client c
                  where\s""" + Reach.CONDITION + """
                    and (cast(:team as uuid) is null or c.team_id = :team)
                    and c.created_at <= coalesce(cast(:afterAt as timestamptz), 'infinity')
                    and (cast(:afterAt as timestamptz) is null or c.created_at < :afterAt or c.id > :afterId)
                    and c.created_at >= coalesce(cast(:beforeAt as timestamptz), '-infinity')
                    and (cast(:beforeAt as timestamptz) is null or c.created_at > :beforeAt or c.id < :beforeId)
                    and (cast(:allocatedTo as uuid) is null or exists (select 1 from client_allocation a
                         where a.client_id = c.id and a.user_id = :allocatedTo))
                    and (cast(:status as text) is null
                         or (:status = 'OPEN' and c.open_episode)
                         or (:status = 'CLOSED' and not c.open_episode
                             and exists (select 1 from episode o where o.client_id = c.id))
                         or (:status = 'NONE' and not exists (select 1 from episode o where o.client_id = c.id)))
                  order by %s
                  limit :limit offset :offset) c
            left join lateral (select * from episode e where e.client_id = c.id
                               order by (e.closed_on is null) desc, e.referred_on desc limit 1) e on true
            order by c.created_at desc, c.id""";

    private static final String OLDER_FIRST_WALK = PAGE.formatted("c.created_at desc, c.id");
    private static final String NEWER_FIRST_WALK = PAGE.formatted("c.created_at, c.id desc");

    private final JdbcClient jdbc;

    CaseloadRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The position of the client with this code, if within reach. */
    public Optional<Position> position(PseudonymCode code, Reach reach) {
        return jdbc.sql("select c.created_at, c.id from client c where c.code = :code and " + Reach.CONDITION)
                .param("code", code.value())
                .params(reach.parameters())
                .query((row, n) ->
                        new Position(row.getTimestamp("created_at").toInstant(), row.getObject("id", UUID.class)))
                .optional();
    }

    public List<ClientSummary> caseload(Reach reach, CaseloadFilter filter, int limit, long offset) {
        return caseload(reach, filter, limit, offset, null);
    }

    /**
     * A page of the caseload, newest first: from {@code offset}, or just after {@code after}. With
     * {@code after} the walk of the index starts at that client instead of counting its way
     * there, so a page deep in the list costs what the first one does.
     */
    public List<ClientSummary> caseload(
            Reach reach, CaseloadFilter filter, int limit, long offset, @Nullable Position after) {
        return page(OLDER_FIRST_WALK, reach, filter, limit, offset, after, null);
    }

    /**
     * The {@code limit} clients just before {@code before} in the caseload's order, newest first:
     * the index is walked back from that client, so going back costs what going on does.
     */
    public List<ClientSummary> caseloadBefore(Reach reach, CaseloadFilter filter, int limit, Position before) {
        return page(NEWER_FIRST_WALK, reach, filter, limit, 0, null, before);
    }

    private List<ClientSummary> page(
            String walk,
            Reach reach,
            CaseloadFilter filter,
            int limit,
            long offset,
            @Nullable Position after,
            @Nullable Position before) {
        return jdbc.sql(walk)
                .params(reach.parameters())
                .param("team", filter.team())
                .param("allocatedTo", filter.practitioner())
                .param("status", filter.episodeStatus())
                .param("limit", limit)
                .param("offset", offset)
                .param("afterAt", after == null ? null : Timestamp.from(after.createdAt()))
                .param("afterId", after == null ? null : after.id())
                .param("beforeAt", before == null ? null : Timestamp.from(before.createdAt()))
                .param("beforeId", before == null ? null : before.id())
                .query((row, n) -> new ClientSummary(
                        row.getObject("id", UUID.class),
                        new PseudonymCode(row.getString("code")),
                        row.getObject("team_id", UUID.class),
                        RiskLevel.valueOf(row.getString("risk_level")),
                        row.getObject("episode_id", UUID.class),
                        row.getString("stage") == null ? null : EpisodeStage.valueOf(row.getString("stage")),
                        row.getString("stage") != null && row.getDate("closed_on") == null,
                        row.getTimestamp("erased_at") == null
                                ? null
                                : row.getTimestamp("erased_at").toInstant(),
                        row.getObject("erased_by_request", Integer.class)))
                .list();
    }

    /** How many clients these teams have, how many are in an open episode, and which have no practitioner. */
    public TeamFigures teamFigures(UUID[] teams) {
        record Counts(int clients, int open) {}
        Counts counts = jdbc.sql("""
                select count(*) as clients, count(*) filter (where c.open_episode) as open
                from client c where c.team_id = any(:teams)""")
                .param("teams", teams)
                .query((row, n) -> new Counts(row.getInt("clients"), row.getInt("open")))
                .single();
        List<PseudonymCode> unallocated = jdbc.sql("""
                select c.code from client c where c.team_id = any(:teams)
                  and not exists (select 1 from client_allocation a where a.client_id = c.id)
                order by c.created_at limit 50""")
                .param("teams", teams)
                .query((row, n) -> new PseudonymCode(row.getString(1)))
                .list();
        return new TeamFigures(counts.clients(), counts.open(), unallocated);
    }
}
