<?php
/**
 * Forwards queued xAPI statements to the LRS of the settings, from WP-Cron (every minute while
 * statements wait): a batch is POSTed to `<endpoint>/statements` and removed only once the LRS
 * accepted it, so a failure is retried on the next run. Statements the LRS refuses as invalid (400)
 * are dropped with a log line, so one bad statement does not block the queue.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** The cron job. */
final class Lms_Kit_Lrs_Forwarder {
	const HOOK  = 'lms_kit_forward_statements';
	const BATCH = 50;

	public static function init(): void {
		add_filter(
			'cron_schedules',
			static function ( $schedules ) {
				$schedules['lms_kit_minute'] = array( 'interval' => 60, 'display' => 'Every minute (LMS Kit)' );
				return $schedules;
			}
		);
		add_action( self::HOOK, array( self::class, 'run' ) );
		add_action(
			'init',
			static function () {
				if ( Lms_Kit_Settings::get( 'lrs_endpoint' ) && ! wp_next_scheduled( self::HOOK ) ) {
					wp_schedule_event( time() + 60, 'lms_kit_minute', self::HOOK );
				}
			}
		);
	}

	/** Sends up to a few batches; answers how many statements the LRS took. */
	public static function run(): int {
		global $wpdb;
		$endpoint = Lms_Kit_Settings::get( 'lrs_endpoint' );
		if ( ! $endpoint ) {
			return 0;
		}
		$table = Lms_Kit_Schema::table( 'outbox' );
		$sent  = 0;
		for ( $round = 0; $round < 5; $round++ ) {
			$rows = $wpdb->get_results( $wpdb->prepare( "SELECT seq, statement FROM $table ORDER BY seq LIMIT %d", self::BATCH ) ); // phpcs:ignore WordPress.DB
			if ( ! $rows ) {
				break;
			}
			$answer = wp_remote_post(
				trailingslashit( $endpoint ) . 'statements',
				array(
					'timeout' => 15,
					'headers' => array(
						'Content-Type'             => 'application/json',
						'X-Experience-API-Version' => '1.0.3',
						'Authorization'            => 'Basic ' . base64_encode( Lms_Kit_Settings::get( 'lrs_username' ) . ':' . Lms_Kit_Settings::get( 'lrs_password' ) ),
					),
					'body'    => '[' . implode( ',', wp_list_pluck( $rows, 'statement' ) ) . ']',
				)
			);
			$status = is_wp_error( $answer ) ? 0 : (int) wp_remote_retrieve_response_code( $answer );
			if ( 400 === $status ) {
				error_log( 'LMS Kit: the LRS refused a batch of statements as invalid; they are dropped: ' . wp_remote_retrieve_body( $answer ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
			} elseif ( $status < 200 || $status >= 300 ) {
				break; // Kept for the next run.
			}
			$in = implode( ',', array_map( 'intval', wp_list_pluck( $rows, 'seq' ) ) );
			$wpdb->query( "DELETE FROM $table WHERE seq IN ($in)" ); // phpcs:ignore WordPress.DB
			$sent += 400 === $status ? 0 : count( $rows );
		}
		return $sent;
	}
}
