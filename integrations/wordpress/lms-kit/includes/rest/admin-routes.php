<?php
/**
 * Groups, courses (self-enrollment, instructors), enrollments and data rights: the admin routes of
 * `@lms-kit/server`. Courses uploaded as WordPress "Course" posts are registered here too, their
 * author as instructor (`Lms_Kit_Courses::register`).
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** Writes a course row and its instructors. */
function lms_kit_put_course( string $tenant, string $course, ?string $title, bool $self_enroll, array $instructors ): void {
	global $wpdb;
	$wpdb->replace(
		Lms_Kit_Schema::table( 'courses' ),
		array(
			'k'           => Lms_Kit_Schema::key( $tenant, $course ),
			'tenant_id'   => $tenant,
			'course_id'   => $course,
			'title'       => $title,
			'self_enroll' => $self_enroll ? 1 : 0,
		)
	);
	$table = Lms_Kit_Schema::table( 'course_instructors' );
	$wpdb->query( $wpdb->prepare( "DELETE FROM $table WHERE tenant_id = %s AND course_id = %s", $tenant, $course ) ); // phpcs:ignore WordPress.DB
	foreach ( array_unique( $instructors ) as $learner ) {
		$wpdb->insert( $table, array( 'k' => Lms_Kit_Schema::key( $tenant, $course, $learner ), 'tenant_id' => $tenant, 'course_id' => $course, 'learner_id' => $learner ) );
	}
}

/** Enrolls a learner or a group (idempotent). */
function lms_kit_enroll( string $tenant, string $course, ?string $learner, ?string $group, ?string $due ): void {
	global $wpdb;
	$wpdb->replace(
		Lms_Kit_Schema::table( 'enrollments' ),
		array(
			'k'          => Lms_Kit_Schema::key( $tenant, $course, $learner ? "l:$learner" : "g:$group" ),
			'tenant_id'  => $tenant,
			'course_id'  => $course,
			'learner_id' => $learner,
			'group_id'   => $group,
			'due_at'     => $due,
		)
	);
}

function lms_kit_admin_routes(): void {
	global $wpdb;
	$p = 'Lms_Kit_Protocol';
	$p::route(
		'PUT',
		'/groups/{group}',
		static function ( $a, $body, $r, $who ) use ( $wpdb ) {
			Lms_Kit_Access::admin( $who );
			$check = new Lms_Kit_Validate();
			$b     = $check->object( $body, 'body' );
			$check->check( ! isset( $b['name'] ) || ( is_string( $b['name'] ) && mb_strlen( $b['name'] ) <= 200 ), 'body.name', 'expected a string of at most 200 characters' );
			$check->done();
			$wpdb->replace( Lms_Kit_Schema::table( 'groups' ), array( 'k' => Lms_Kit_Schema::key( $who->tenant, $a['group'] ), 'tenant_id' => $who->tenant, 'group_id' => $a['group'], 'name' => $b['name'] ?? null ) );
			return null;
		}
	);
	$p::route(
		'PUT',
		'/groups/{group}/members/{learner}',
		static function ( $a, $body, $r, $who ) use ( $wpdb ) {
			Lms_Kit_Access::admin( $who );
			$check = new Lms_Kit_Validate();
			$b     = $check->object( $body, 'body' );
			$role  = $b['role'] ?? 'learner';
			$check->check( in_array( $role, array( 'learner', 'instructor' ), true ), 'body.role', 'Invalid option: expected one of learner|instructor' );
			$check->done();
			$wpdb->replace(
				Lms_Kit_Schema::table( 'group_members' ),
				array( 'k' => Lms_Kit_Schema::key( $who->tenant, $a['group'], $a['learner'] ), 'tenant_id' => $who->tenant, 'group_id' => $a['group'], 'learner_id' => $a['learner'], 'role' => $role )
			);
			return null;
		}
	);
	$p::route(
		'PUT',
		'/courses/{course}',
		static function ( $a, $body, $r, $who ) {
			Lms_Kit_Access::admin( $who );
			$check       = new Lms_Kit_Validate();
			$b           = $check->object( $body, 'body' );
			$instructors = $b['instructors'] ?? array();
			$check->check( is_array( $instructors ) && count( array_filter( $instructors, 'is_string' ) ) === count( $instructors ), 'body.instructors', 'expected an array of learner ids' );
			$check->check( ! isset( $b['selfEnroll'] ) || is_bool( $b['selfEnroll'] ), 'body.selfEnroll', 'expected boolean' );
			$check->done();
			lms_kit_put_course( $who->tenant, $a['course'], $b['title'] ?? null, ! empty( $b['selfEnroll'] ), $instructors );
			return null;
		}
	);
	$p::route(
		'POST',
		'/enrollments',
		static function ( $a, $body, $r, $who ) use ( $wpdb ) {
			$check = new Lms_Kit_Validate();
			$b     = $check->object( $body, 'body' );
			$check->id( $b, 'courseId', 'body' );
			$check->id( $b, 'learnerId', 'body', true );
			$check->id( $b, 'groupId', 'body', true );
			$check->check( isset( $b['learnerId'] ) !== isset( $b['groupId'] ), 'body', 'enroll either a learnerId or a groupId' );
			$check->check( ! isset( $b['dueAt'] ) || false !== strtotime( (string) $b['dueAt'] ), 'body.dueAt', 'Invalid ISO datetime' );
			$check->done();
			if ( ! $who->is_admin() ) {
				// Self-enrollment: a learner enrolls themselves in a course that allows it.
				$open = $wpdb->get_var( $wpdb->prepare( 'SELECT self_enroll FROM ' . Lms_Kit_Schema::table( 'courses' ) . ' WHERE k = %s', Lms_Kit_Schema::key( $who->tenant, $b['courseId'] ) ) ); // phpcs:ignore WordPress.DB
				if ( ! $open || ( $b['learnerId'] ?? null ) !== $who->sub ) {
					throw Lms_Kit_Http_Error::forbidden( 'Only an admin may enroll others, or a learner themselves in a course open to self-enrollment.' );
				}
			}
			lms_kit_enroll( $who->tenant, $b['courseId'], $b['learnerId'] ?? null, $b['groupId'] ?? null, $b['dueAt'] ?? null );
			return null;
		}
	);
	$p::route(
		'GET',
		'/learners/{learner}/enrollments',
		static function ( $a, $body, $r, $who ) use ( $wpdb ) {
			Lms_Kit_Access::can_read( $who, $a['learner'] );
			$e    = Lms_Kit_Schema::table( 'enrollments' );
			$m    = Lms_Kit_Schema::table( 'group_members' );
			$rows = $wpdb->get_results( // phpcs:ignore WordPress.DB
				$wpdb->prepare( "SELECT e.course_id, e.group_id, e.due_at FROM $e e WHERE e.tenant_id = %s AND (e.learner_id = %s OR e.group_id IN (SELECT group_id FROM $m WHERE tenant_id = %s AND learner_id = %s)) ORDER BY e.course_id", $who->tenant, $a['learner'], $who->tenant, $a['learner'] ) // phpcs:ignore WordPress.DB
			);
			$items = array();
			foreach ( $rows as $row ) {
				$items[] = array( 'courseId' => $row->course_id, 'groupId' => $row->group_id, 'dueAt' => $row->due_at ? gmdate( 'Y-m-d\TH:i:s.000\Z', strtotime( $row->due_at ) ) : null );
			}
			return array( 'items' => $items );
		}
	);
	lms_kit_data_rights_routes();
}

function lms_kit_data_rights_routes(): void {
	global $wpdb;
	$p        = 'Lms_Kit_Protocol';
	$per_user = array( 'progress', 'lesson_states', 'attempts', 'learner_values', 'outbox', 'group_members' );
	$p::route(
		'GET',
		'/learners/{learner}/export',
		static function ( $a, $body, $r, $who ) use ( $wpdb, $per_user ) {
			if ( $a['learner'] !== $who->sub ) {
				Lms_Kit_Access::admin( $who );
			}
			$export = array( 'learnerId' => $a['learner'] );
			foreach ( $per_user as $name ) {
				$export[ $name ] = $wpdb->get_results( $wpdb->prepare( 'SELECT * FROM ' . Lms_Kit_Schema::table( $name ) . ' WHERE tenant_id = %s AND learner_id = %s', $who->tenant, $a['learner'] ), ARRAY_A ); // phpcs:ignore WordPress.DB
			}
			return $export;
		}
	);
	$p::route(
		'DELETE',
		'/learners/{learner}',
		static function ( $a, $body, $r, $who ) use ( $wpdb, $per_user ) {
			Lms_Kit_Access::admin( $who );
			foreach ( array_merge( $per_user, array( 'enrollments' ) ) as $name ) {
				$wpdb->query( $wpdb->prepare( 'DELETE FROM ' . Lms_Kit_Schema::table( $name ) . ' WHERE tenant_id = %s AND learner_id = %s', $who->tenant, $a['learner'] ) ); // phpcs:ignore WordPress.DB
			}
			$wpdb->insert( Lms_Kit_Schema::table( 'audit' ), array( 'tenant_id' => $who->tenant, 'actor_id' => $who->sub, 'action' => 'learner.erase', 'target_id' => $a['learner'], 'at' => gmdate( 'Y-m-d H:i:s' ) ) );
			return null;
		}
	);
	$p::route(
		'GET',
		'/audit',
		static function ( $a, $body, $r, $who ) use ( $wpdb ) {
			Lms_Kit_Access::admin( $who );
			$rows = $wpdb->get_results( $wpdb->prepare( 'SELECT actor_id, action, target_id, at FROM ' . Lms_Kit_Schema::table( 'audit' ) . ' WHERE tenant_id = %s ORDER BY id DESC LIMIT 1000', $who->tenant ) ); // phpcs:ignore WordPress.DB
			return array(
				'items' => array_map(
					static function ( $row ) {
						return array( 'actor' => $row->actor_id, 'action' => $row->action, 'target' => $row->target_id, 'at' => gmdate( 'Y-m-d\TH:i:s.000\Z', strtotime( $row->at . ' UTC' ) ) );
					},
					$rows
				),
			);
		}
	);
}
