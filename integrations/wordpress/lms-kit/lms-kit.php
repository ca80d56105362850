<?php
/**
 * Plugin Name:       LMS Kit
 * Plugin URI:        https://github.com/lms-kit/lms-kit
 * Description:       Turns WordPress into a learning management system: courses (LMS Kit, SCORM 1.2/2004, cmi5) as content, a course block and shortcode, learners' progress in the site's database, reports for instructors.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       lms-kit
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

define( 'LMS_KIT_VERSION', '0.1.0' );
define( 'LMS_KIT_FILE', __FILE__ );
define( 'LMS_KIT_DIR', plugin_dir_path( __FILE__ ) );

foreach (
	array(
		'class-jwt',
		'class-schema',
		'class-settings',
		'class-tokens',
		'class-assets',
		'class-package-check',
		'class-courses',
		'class-render',
		'class-blocks',
		'class-lrs-forwarder',
		'rest/class-http-error',
		'rest/class-validate',
		'rest/class-identity',
		'rest/class-access',
		'rest/class-protocol',
		'rest/class-documents',
		'rest/learner-data',
		'rest/admin-routes',
		'rest/report-routes',
		'rest/class-openapi',
		'admin/class-admin',
		'admin/class-enrollment-import',
	) as $lms_kit_file
) {
	require_once LMS_KIT_DIR . "includes/$lms_kit_file.php";
}

register_activation_hook( __FILE__, 'lms_kit_activate' );

/** Tables, the token secret and the Instructor role; course URLs need the rewrite rules again. */
function lms_kit_activate(): void {
	Lms_Kit_Schema::install();
	Lms_Kit_Settings::jwt_secret();
	add_role(
		'lms_instructor',
		__( 'Instructor', 'lms-kit' ),
		array( 'read' => true, 'edit_posts' => true, 'upload_files' => true )
	);
	Lms_Kit_Courses::register();
	flush_rewrite_rules();
}

add_action(
	'plugins_loaded',
	static function () {
		if ( (int) get_option( 'lms_kit_db_version' ) < Lms_Kit_Schema::VERSION ) {
			Lms_Kit_Schema::install();
		}
	}
);

add_action(
	'rest_api_init',
	static function () {
		Lms_Kit_Tokens::register_route();
		lms_kit_learner_data_routes();
		lms_kit_admin_routes();
		lms_kit_report_routes();
		Lms_Kit_OpenApi::register_routes();
	}
);

// Versioned writes send If-Match / If-None-Match and read the ETag, also from pages of another origin
// that WordPress's REST CORS handling lets in.
add_filter(
	'rest_allowed_cors_headers',
	static function ( $headers ) {
		return array_merge( $headers, array( 'If-Match', 'If-None-Match' ) );
	}
);
add_filter(
	'rest_exposed_cors_headers',
	static function ( $headers ) {
		return array_merge( $headers, array( 'ETag' ) );
	}
);

// A course post saved by its author (or with new instructors) keeps the protocol's course row current.
add_action(
	'save_post_' . Lms_Kit_Courses::POST_TYPE,
	static function ( $post_id, $post ) {
		Lms_Kit_Courses::register_course( (int) $post_id, $post );
	},
	20,
	2
);

Lms_Kit_Assets::init();
Lms_Kit_Courses::init();
Lms_Kit_Render::init();
Lms_Kit_Blocks::init();
Lms_Kit_Lrs_Forwarder::init();
if ( is_admin() ) {
	Lms_Kit_Admin::init();
}
