package com.bakeryia.alerts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ws.rs.Path;

/**
 * The layout, stated once so that a wrong import fails the build: components by capability with
 * no cycles between them, {@code boundary → control → entity} and never back, and the broker and
 * cache clients only behind the ports of the components that adapt them. (The resource adapter in
 * {@code src/rar} is an artifact of its own and is not part of this check.)
 */
@AnalyzeClasses(packages = "com.bakeryia.alerts", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule componentsHaveNoCycles = slices().matching("com.bakeryia.alerts.(*)..")
            .namingSlices("component $1")
            .should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("com.bakeryia.alerts.(**)")
            .namingSlices("package $1")
            .should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule boundaryIsUsedByNothingInside = noClasses()
            .that()
            .resideInAnyPackage("..control..", "..entity..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..boundary..")
            .because("boundaries translate the outside for the control classes, never the reverse");

    @ArchTest
    static final ArchRule entitiesDependOnNoProcedure = noClasses()
            .that()
            .resideInAPackage("..entity..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..control..");

    /** Served resources are boundaries; an interface with {@code @Path} is a REST client's (Twilio's API). */
    @ArchTest
    static final ArchRule resourcesAreBoundaries = classes()
            .that()
            .areAnnotatedWith(Path.class)
            .and()
            .areNotInterfaces()
            .should()
            .resideInAPackage("..boundary..");

    /** Mail and the Twilio client belong to notifications alone. */
    @ArchTest
    static final ArchRule onlyNotificationsSendMail = noClasses()
            .that()
            .resideOutsideOfPackage("com.bakeryia.alerts.notifications..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.mail..", "org.eclipse.microprofile.rest.client..");

    @ArchTest
    static final ArchRule storeKnowsNoBroker = noClasses()
            .that()
            .resideInAPackage("com.bakeryia.alerts.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.bakeryia.alerts.messaging..", "com.rabbitmq..")
            .because("the store publishes through the AlertPublisher and DeadLetters ports, whose adapters the"
                    + " messaging component holds and picks by configuration");

    @ArchTest
    static final ArchRule onlyTheListenerReadsJms = noClasses()
            .that()
            .resideOutsideOfPackages("com.bakeryia.alerts.messaging..", "com.bakeryia.alerts.store.boundary..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("jakarta.jms..")
            .because("the message-driven bean is the one JMS boundary of the store");

    @ArchTest
    static final ArchRule rabbitMqOnlyInMessaging = noClasses()
            .that()
            .resideOutsideOfPackage("com.bakeryia.alerts.messaging..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.rabbitmq..");

    @ArchTest
    static final ArchRule redisOnlyInFanOut = noClasses()
            .that()
            .resideOutsideOfPackage("com.bakeryia.alerts.fanout..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("redis.clients..");
}
