package dev.penguinmails.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Test
    void aLiteralRouteBeatsParameterisedAndGreedyRoutesWhateverTheirOrder() {
        RouteTable table = Routes.table("ANY /v1/{proxy+}", "GET /v1/workspaces/{id}", "GET /v1/workspaces/mine");

        assertThat(routeKey(table, "GET", "/v1/workspaces/mine")).contains("GET /v1/workspaces/mine");
        assertThat(routeKey(table, "GET", "/v1/workspaces/ws_1")).contains("GET /v1/workspaces/{id}");
        assertThat(routeKey(table, "GET", "/v1/other/thing")).contains("ANY /v1/{proxy+}");
    }

    @Test
    void moreLiteralSegmentsWinAmongParameterisedRoutes() {
        RouteTable table = Routes.table("GET /v1/{a}/{b}/c", "GET /v1/{a}/b/c");

        assertThat(routeKey(table, "GET", "/v1/x/b/c")).contains("GET /v1/{a}/b/c");
        assertThat(routeKey(table, "GET", "/v1/x/y/c")).contains("GET /v1/{a}/{b}/c");
    }

    @Test
    void withAsManyLiteralsTheRouteThatStaysLiteralLongerWins() {
        RouteTable table = Routes.table("GET /v1/{a}/b", "GET /v1/a/{b}");

        assertThat(routeKey(table, "GET", "/v1/a/b")).contains("GET /v1/a/{b}");
    }

    @Test
    void greedyRoutesMatchByLongestPrefixAndNeedAtLeastOneMoreSegment() {
        RouteTable table = Routes.table("ANY /v1/{proxy+}", "ANY /v1/me/{proxy+}");

        assertThat(routeKey(table, "GET", "/v1/me/settings/mail")).contains("ANY /v1/me/{proxy+}");
        assertThat(routeKey(table, "GET", "/v1/me")).contains("ANY /v1/{proxy+}");
        assertThat(routeKey(table, "GET", "/v1")).isEmpty();
        assertThat(table.match("GET", "/v1/me/settings/mail").orElseThrow().pathParameters())
                .isEqualTo(Map.of("proxy", "settings/mail"));
    }

    @Test
    void aRouteForTheMethodBeatsAnyAndAnyMatchesEveryMethod() {
        RouteTable table = Routes.table("ANY /v1/things", "POST /v1/things");

        assertThat(routeKey(table, "POST", "/v1/things")).contains("POST /v1/things");
        assertThat(routeKey(table, "DELETE", "/v1/things")).contains("ANY /v1/things");
        assertThat(routeKey(table, "patch", "/v1/things")).contains("ANY /v1/things");
    }

    @Test
    void aMethodWithoutARouteDoesNotMatch() {
        RouteTable table = Routes.table("POST /v1/signup");

        assertThat(table.match("GET", "/v1/signup")).isEmpty();
        assertThat(table.match("POST", "/v1/signup/")).isEmpty();
        assertThat(table.match("POST", "/v1/signups")).isEmpty();
    }

    @Test
    void pathParametersAreDecodedButAPlusStaysAPlus() {
        RouteTable table = Routes.table("GET /v1/workspaces/{workspaceId}/contacts/{email}");

        RouteMatch match = table.match("GET", "/v1/workspaces/ws%201/contacts/a+b%40example.com").orElseThrow();

        assertThat(match.pathParameters()).isEqualTo(Map.of("workspaceId", "ws 1", "email", "a+b@example.com"));
    }

    @Test
    void anEmptySegmentIsNoParameterValue() {
        RouteTable table = Routes.table("GET /v1/workspaces/{id}");

        assertThat(table.match("GET", "/v1/workspaces/")).isEmpty();
    }

    @Test
    void greedyRoutesWithParametersInTheirPrefix() {
        RouteTable table = Routes.table("ANY /v1/workspaces/{id}/{proxy+}", "ANY /v1/{proxy+}");

        RouteMatch match = table.match("PUT", "/v1/workspaces/ws_1/members/u_2").orElseThrow();

        assertThat(match.routeKey()).isEqualTo("ANY /v1/workspaces/{id}/{proxy+}");
        assertThat(match.pathParameters()).isEqualTo(Map.of("id", "ws_1", "proxy", "members/u_2"));
    }

    private static Optional<String> routeKey(RouteTable table, String method, String path) {
        return table.match(method, path).map(RouteMatch::routeKey);
    }
}
