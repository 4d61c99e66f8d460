/** The inbound resource adapter that feeds the message-driven bean from RabbitMQ (its own RAR; docs/adr/0003). */
package com.bakeryia.alerts.rabbitmq.adapter;
