package dev.penguinmails.cdk.storage;

import dev.penguinmails.cdk.compliance.Suppressions;
import dev.penguinmails.cdk.stage.ConstructIds;
import dev.penguinmails.cdk.stage.DeploymentStage;
import dev.penguinmails.topology.DatabaseSpec;
import dev.penguinmails.topology.Topology;
import dev.penguinmails.topology.environment.DatabaseEndpoint;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.BackupProps;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.DatabaseProxy;
import software.amazon.awscdk.services.rds.DatabaseProxyOptions;
import software.constructs.Construct;

/**
 * The topology's query-model databases (decision 0036): one Aurora Serverless v2 PostgreSQL cluster each, reached
 * only through an RDS Proxy with IAM authentication and TLS, in a VPC of isolated subnets (no NAT, no internet).
 * The families that query a database run in that VPC, and reach DynamoDB, Secrets Manager, S3 and SQS through
 * endpoints; every other family stays out of it. Nothing is built when the topology declares no database.
 */
public final class QueryDatabases extends Construct {
    private static final int POSTGRES_PORT = 5432;

    private final Vpc vpc;
    private final SecurityGroup functions;
    private final Map<String, DatabaseProxy> proxies = new LinkedHashMap<>();
    private final Map<String, DatabaseSpec> specs = new LinkedHashMap<>();

    public QueryDatabases(Construct scope, String id, Topology topology, DeploymentStage stage) {
        super(scope, id);
        if (topology.databases().isEmpty()) {
            this.vpc = null;
            this.functions = null;
            return;
        }
        this.vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(0)
                .subnetConfiguration(List.of(SubnetConfiguration.builder().name("isolated")
                        .subnetType(SubnetType.PRIVATE_ISOLATED).cidrMask(22).build()))
                .flowLogs(Map.of("rejected", FlowLogOptions.builder().destination(FlowLogDestination.toCloudWatchLogs())
                        .trafficType(software.amazon.awscdk.services.ec2.FlowLogTrafficType.REJECT).build()))
                .build();
        vpc.addGatewayEndpoint("DynamoDb", GatewayVpcEndpointOptions.builder()
                .service(GatewayVpcEndpointAwsService.DYNAMODB).build());
        vpc.addInterfaceEndpoint("SecretsManager", InterfaceVpcEndpointOptions.builder()
                .service(InterfaceVpcEndpointAwsService.SECRETS_MANAGER).build());
        // Contact exports write their files to S3 and queue their next slices on SQS from inside the VPC.
        vpc.addGatewayEndpoint("S3", GatewayVpcEndpointOptions.builder()
                .service(GatewayVpcEndpointAwsService.S3).build());
        vpc.addInterfaceEndpoint("Sqs", InterfaceVpcEndpointOptions.builder()
                .service(InterfaceVpcEndpointAwsService.SQS).build());
        this.functions = SecurityGroup.Builder.create(this, "Functions").vpc(vpc)
                .description("Lambdas of the families that query a database").allowAllOutbound(true).build();
        topology.databases().forEach(spec -> {
            specs.put(spec.name(), spec);
            proxies.put(spec.name(), database(spec, stage));
        });
    }

    private DatabaseProxy database(DatabaseSpec spec, DeploymentStage stage) {
        String id = ConstructIds.of(spec.name());
        SubnetSelection isolated = SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();
        String clusterName = stage.resourceName(spec.name());
        // An explicit log group, made before the cluster exports to it, rather than the cluster's logRetention
        // custom resource (a Lambda with a wildcard policy): retention stays in the template.
        LogGroup logs = LogGroup.Builder.create(this, id + "Logs")
                .logGroupName("/aws/rds/cluster/" + clusterName + "/postgresql")
                .retention(stage.logRetention())
                .removalPolicy(stage.dataRemovalPolicy())
                .build();
        DatabaseCluster cluster = DatabaseCluster.Builder.create(this, id + "Cluster")
                .clusterIdentifier(clusterName)
                .engine(DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
                        .version(AuroraPostgresEngineVersion.VER_16_6).build()))
                .writer(ClusterInstance.serverlessV2("writer", software.amazon.awscdk.services.rds.ServerlessV2ClusterInstanceProps
                        .builder().autoMinorVersionUpgrade(true).build()))
                .serverlessV2MinCapacity(spec.minCapacity())
                .serverlessV2MaxCapacity(spec.maxCapacity())
                .vpc(vpc)
                .vpcSubnets(isolated)
                .defaultDatabaseName(spec.name())
                .credentials(Credentials.fromGeneratedSecret(spec.applicationUser()))
                .iamAuthentication(true)
                .storageEncrypted(true)
                .backup(BackupProps.builder().retention(Duration.days(stage.production() ? 14 : 1)).build())
                .cloudwatchLogsExports(List.of("postgresql"))
                .removalPolicy(stage.dataRemovalPolicy())
                .deletionProtection(stage.production())
                .build();
        cluster.getNode().addDependency(logs);
        Suppressions.accept(cluster, "AwsSolutions-RDS10", "Deletion protection is on in production; other stages are "
                + "torn down with their stack, and the query model is rebuilt from DynamoDB by reconciliation anyway");
        Suppressions.accept(cluster, "AwsSolutions-RDS11", "Only the proxy and the functions' security group reach the "
                + "cluster, inside isolated subnets; a non-default port adds nothing to that");
        Suppressions.accept(cluster, "AwsSolutions-SMG4", "The generated password is only the proxy's way in: the "
                + "functions authenticate with IAM tokens, so rotating it would need a rotation Lambda in the VPC "
                + "for little gain; to be added with the dedicated application user (docs/contacts/README.md)");
        DatabaseProxy proxy = cluster.addProxy(id + "Proxy", DatabaseProxyOptions.builder()
                .secrets(List.of(cluster.getSecret()))
                .vpc(vpc)
                .vpcSubnets(isolated)
                .iamAuth(true)
                .requireTls(true)
                .securityGroups(List.of(proxySecurityGroup(id)))
                .build());
        cluster.getConnections().allowDefaultPortFrom(proxy, "the proxy reaches the cluster");
        return proxy;
    }

    private ISecurityGroup proxySecurityGroup(String id) {
        SecurityGroup proxy = SecurityGroup.Builder.create(this, id + "ProxyGroup").vpc(vpc)
                .description("RDS Proxy of the query model").allowAllOutbound(true).build();
        proxy.addIngressRule(functions, Port.tcp(POSTGRES_PORT), "the functions that query the database");
        return proxy;
    }

    /** Whether any database is deployed, and so the VPC. */
    public boolean deployed() {
        return vpc != null;
    }

    /** The VPC of the families that query a database. */
    public Optional<Vpc> vpc() {
        return Optional.ofNullable(vpc);
    }

    /** The security group those families' Lambdas run in. */
    public Optional<SecurityGroup> functionSecurityGroup() {
        return Optional.ofNullable(functions);
    }

    /** Where a function reaches {@code logicalName}: the proxy, as the application user, with IAM tokens over TLS. */
    public DatabaseEndpoint endpoint(String logicalName) {
        DatabaseProxy proxy = proxy(logicalName);
        DatabaseSpec spec = specs.get(logicalName);
        return new DatabaseEndpoint("jdbc:postgresql://" + proxy.getEndpoint() + ":" + POSTGRES_PORT + "/"
                + spec.name() + "?sslmode=require", spec.applicationUser(), true);
    }

    /** Lets {@code role} connect to {@code logicalName} through its proxy as the application user. */
    public void grantConnect(IRole role, String logicalName) {
        proxy(logicalName).grantConnect(role, specs.get(logicalName).applicationUser());
    }

    /** The deployed proxies, keyed by database name. */
    public Map<String, DatabaseProxy> proxies() {
        return Collections.unmodifiableMap(proxies);
    }

    private DatabaseProxy proxy(String logicalName) {
        DatabaseProxy proxy = proxies.get(logicalName);
        if (proxy == null) {
            throw new IllegalStateException("no deployed database named '" + logicalName + "'");
        }
        return proxy;
    }
}
