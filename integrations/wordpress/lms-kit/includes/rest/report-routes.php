<?php
/**
 * Multi-learner reads (`LearningReports`): progress rows by course, group or learner, paged by learner
 * id, and a course's summary. An admin sees the tenant; an instructor the learners they teach; a
 * learner only themselves. Per-lesson numbers are counted from the stored progress documents.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** SQL condition on `p.learner_id` limiting rows to the learners `$who` may read. */
function lms_kit_visible_to( Lms_Kit_Identity $who ): string {
	global $wpdb;
	if ( $who->is_admin() ) {
		return '1 = 1';
	}
	$own = $wpdb->prepare( 'p.learner_id = %s', $who->sub );
	if ( ! $who->is_instructor() ) {
		return $own;
	}
	return "($own OR p.learner_id IN (SELECT learner_id FROM (" . $wpdb->prepare( Lms_Kit_Access::taught_sql(), $who->tenant, $who->sub, $who->tenant, $who->sub ) . ') taught))'; // phpcs:ignore WordPress.DB
}

function lms_kit_report_routes(): void {
	global $wpdb;
	$progress = Lms_Kit_Schema::table( 'progress' );
	Lms_Kit_Protocol::route(
		'GET',
		'/reports/progress',
		static function ( $a, $body, $r, $who ) use ( $wpdb, $progress ) {
			$q     = static function ( $name ) use ( $r ) {
				return Lms_Kit_Protocol::query( $r, $name );
			};
			$limit = (int) ( $q( 'limit' ) ?? 100 );
			if ( $limit < 1 || $limit > 1000 ) {
				throw new Lms_Kit_Http_Error( 400, 'server/invalid-request', 'The request query is not valid: query.limit: expected 1 to 1000', array( array( 'path' => 'query.limit', 'message' => 'expected 1 to 1000' ) ) );
			}
			$sql  = $wpdb->prepare( "SELECT p.learner_id, p.course_id, p.completed, p.time_spent_ms, p.score, p.data FROM $progress p WHERE p.tenant_id = %s AND ", $who->tenant ) . lms_kit_visible_to( $who ); // phpcs:ignore WordPress.DB
			$sql .= null === $q( 'course' ) ? '' : $wpdb->prepare( ' AND p.course_id = %s', $q( 'course' ) );
			$sql .= null === $q( 'learner' ) ? '' : $wpdb->prepare( ' AND p.learner_id = %s', $q( 'learner' ) );
			$sql .= null === $q( 'group' ) ? '' : $wpdb->prepare( ' AND p.learner_id IN (SELECT learner_id FROM ' . Lms_Kit_Schema::table( 'group_members' ) . " WHERE tenant_id = %s AND group_id = %s AND role = 'learner')", $who->tenant, $q( 'group' ) ); // phpcs:ignore WordPress.DB
			$sql .= null === $q( 'after' ) ? '' : $wpdb->prepare( ' AND p.learner_id > %s', $q( 'after' ) );
			$rows  = $wpdb->get_results( $sql . ' ORDER BY p.learner_id, p.course_id LIMIT ' . ( $limit + 1 ) ); // phpcs:ignore WordPress.DB
			$items = array();
			foreach ( array_slice( $rows, 0, $limit ) as $row ) {
				$data    = json_decode( $row->data, true );
				$done    = array_filter(
					(array) ( $data['lessons'] ?? array() ),
					static function ( $lesson ) {
						return in_array( $lesson['status'] ?? '', array( 'completed', 'passed' ), true );
					}
				);
				$items[] = array(
					'learnerId'        => $row->learner_id,
					'courseId'         => $row->course_id,
					'completed'        => (bool) $row->completed,
					'timeSpentMs'      => (int) $row->time_spent_ms,
					'score'            => null === $row->score ? null : (float) $row->score,
					'updatedAt'        => $data['updatedAt'] ?? null,
					'lessonsCompleted' => count( $done ),
				);
			}
			return array(
				'items' => $items,
				'next'  => count( $rows ) > $limit ? $items[ $limit - 1 ]['learnerId'] : null,
			);
		}
	);
	Lms_Kit_Protocol::route(
		'GET',
		'/reports/courses/{course}/summary',
		static function ( $a, $body, $r, $who ) use ( $wpdb, $progress ) {
			if ( ! $who->is_admin() ) {
				$teaches = $wpdb->get_var( $wpdb->prepare( 'SELECT 1 FROM ' . Lms_Kit_Schema::table( 'course_instructors' ) . ' WHERE k = %s', Lms_Kit_Schema::key( $who->tenant, $a['course'], $who->sub ) ) ); // phpcs:ignore WordPress.DB
				if ( ! $teaches ) {
					throw Lms_Kit_Http_Error::forbidden( 'Only an admin or an instructor of this course may see its report.' );
				}
			}
			return lms_kit_course_summary( $who->tenant, $a['course'] );
		}
	);
}

/** A course's counts, time, score distribution and per-lesson reach (the server's `CourseSummary`). */
function lms_kit_course_summary( string $tenant, string $course ): array {
	global $wpdb;
	$rows     = $wpdb->get_results( $wpdb->prepare( 'SELECT completed, time_spent_ms, score, data FROM ' . Lms_Kit_Schema::table( 'progress' ) . ' WHERE tenant_id = %s AND course_id = %s', $tenant, $course ) ); // phpcs:ignore WordPress.DB
	$e        = Lms_Kit_Schema::table( 'enrollments' );
	$m        = Lms_Kit_Schema::table( 'group_members' );
	$enrolled = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(DISTINCT COALESCE(e.learner_id, g.learner_id)) FROM $e e LEFT JOIN $m g ON g.tenant_id = e.tenant_id AND g.group_id = e.group_id AND g.role = 'learner' WHERE e.tenant_id = %s AND e.course_id = %s", $tenant, $course ) ); // phpcs:ignore WordPress.DB
	$times    = array();
	$buckets  = array_fill( 0, 10, 0 );
	$lessons  = array();
	$done     = 0;
	foreach ( $rows as $row ) {
		$times[] = (int) $row->time_spent_ms;
		$done   += (int) $row->completed;
		if ( null !== $row->score ) {
			++$buckets[ min( 9, (int) floor( (float) $row->score * 10 ) ) ];
		}
		foreach ( (array) ( json_decode( $row->data, true )['lessons'] ?? array() ) as $id => $lesson ) {
			$lessons[ $id ] = $lessons[ $id ] ?? array( 'lessonId' => (string) $id, 'reached' => 0, 'completed' => 0, 'dropOff' => 0, 'timeSpentMs' => 0 );
			++$lessons[ $id ]['reached'];
			$lessons[ $id ]['completed']   += in_array( $lesson['status'] ?? '', array( 'completed', 'passed' ), true ) ? 1 : 0;
			$lessons[ $id ]['timeSpentMs'] += (int) ( $lesson['timeSpentMs'] ?? 0 );
		}
	}
	sort( $times );
	$n      = count( $times );
	$median = $n ? ( $n % 2 ? $times[ intdiv( $n, 2 ) ] : ( $times[ $n / 2 - 1 ] + $times[ $n / 2 ] ) / 2 ) : null;
	ksort( $lessons, SORT_STRING );
	return array(
		'courseId'          => $course,
		'enrolled'          => $enrolled,
		'started'           => $n,
		'completed'         => $done,
		'timeSpentMs'       => array( 'total' => array_sum( $times ), 'median' => $median ),
		'scoreDistribution' => array_map(
			static function ( $i ) use ( $buckets ) {
				return array( 'from' => $i / 10, 'to' => ( $i + 1 ) / 10, 'count' => $buckets[ $i ] );
			},
			range( 0, 9 )
		),
		'lessons'           => array_values(
			array_map(
				static function ( $l ) {
					$l['dropOff'] = $l['reached'] - $l['completed'];
					return $l;
				},
				$lessons
			)
		),
	);
}
